using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IcssiCms.Usync.Editors;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Mapping;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Extensions;

namespace IcssiCms.Usync.Validation;

public sealed partial class UsyncSetValidator
{
    private static void ValidateLanguages(ValidationContext context)
    {
        var languages = context.Set.Languages;
        ReportDuplicates(context, languages, l => l.IsoCode, l => l.Source, "language", StringComparer.OrdinalIgnoreCase);

        foreach (var language in languages)
        {
            try
            {
                CultureInfo.GetCultureInfo(language.IsoCode, predefinedOnly: true);
            }
            catch (CultureNotFoundException)
            {
                context.Problem(language.Source, $"'{language.IsoCode}' is not a culture .NET knows.");
            }

            if (language.Fallback is { } fallback && !context.Cultures.Contains(fallback))
            {
                context.Problem(language.Source, $"Fallback language '{fallback}' is not in the set.");
            }
        }

        if (languages.Count > 0 && languages.Count(l => l.IsDefault) != 1)
        {
            context.Problem(languages[0].Source with { File = UsyncHandlers.Languages.Folder, Line = 0 },
                $"Exactly one language must be the default; {languages.Count(l => l.IsDefault)} are.");
        }
    }

    private static void ValidateDataTypes(ValidationContext context)
    {
        var dataTypes = context.Set.DataTypes;
        ReportDuplicates(context, dataTypes, d => d.Key.ToString(), d => d.Source, "data type key");
        ReportDuplicates(context, dataTypes, d => d.Name, d => d.Source, "data type name", StringComparer.OrdinalIgnoreCase);

        foreach (var dataType in dataTypes)
        {
            if (dataType.EditorAlias.Length > 0 && !PropertyEditorCatalog.IsKnown(dataType.EditorAlias))
            {
                context.Problem(dataType.Source, $"Unknown property editor '{dataType.EditorAlias}'.");
            }

            try
            {
                using var config = JsonDocument.Parse(dataType.ConfigJson);
                if (config.RootElement.ValueKind != JsonValueKind.Object)
                {
                    context.Problem(dataType.Source, "<Config> must be a JSON object.");
                }
            }
            catch (JsonException ex)
            {
                context.Problem(dataType.Source, $"<Config> is not valid JSON: {ex.Message}");
            }
        }
    }

    private static void ValidateContentTypes(ValidationContext context)
    {
        var contentTypes = context.Set.ContentTypes;
        ReportDuplicates(context, contentTypes, c => c.Key.ToString(), c => c.Source, "document type key");
        ReportDuplicates(context, contentTypes, c => c.Alias, c => c.Source, "document type alias", StringComparer.OrdinalIgnoreCase);
        ReportDuplicates(context, contentTypes.SelectMany(c => c.Properties.Select(p => (Type: c, Property: p))),
            x => x.Property.Key.ToString(), x => x.Type.Source with { Line = x.Property.Line }, "property key");

        foreach (var type in contentTypes)
        {
            ReportDuplicates(context, type.Tabs, t => t.Alias, t => type.Source with { Line = t.Line }, "tab alias");
            CheckReferences(context, type, type.Compositions, "composition");
            CheckReferences(context, type, type.AllowedChildren, "allowed child");
            if (type.Compositions.Any(c => c.Key == type.Key))
            {
                context.Problem(type.Source, $"'{type.Alias}' cannot be a composition of itself.");
            }

            var inherited = CompositionsOf(context, type)
                .SelectMany(c => c.Properties.Select(p => (Composition: c.Alias, p.Alias)))
                .ToList();
            var tabs = type.Tabs.Select(t => t.Alias).ToHashSet(StringComparer.Ordinal);

            foreach (var property in type.Properties)
            {
                CheckProperty(context, type, property, tabs);
                if (inherited.FirstOrDefault(i => string.Equals(i.Alias, property.Alias, StringComparison.OrdinalIgnoreCase)) is { Composition: not null } clash)
                {
                    context.Problem(type.Source, property.Line, $"Property '{property.Alias}' is also defined by composition '{clash.Composition}'.");
                }
            }

            ReportDuplicates(context, type.Properties, p => p.Alias, p => type.Source with { Line = p.Line }, "property alias", StringComparer.OrdinalIgnoreCase);
            ReportSharedSortOrders(context, type);
            CheckUmbracoRules(context, type);
        }

        ReportCompositionCycles(context);
    }

    /// <summary>
    /// Umbraco gives a property added to a group with a sort order already in use there the group's next one, so a file
    /// with two properties of a group on one sort order never matches the site it was imported into: every plan would
    /// show it changed.
    /// </summary>
    private static void ReportSharedSortOrders(ValidationContext context, UsyncContentType type)
    {
        foreach (var shared in type.Properties.GroupBy(p => (p.TabAlias, p.SortOrder)).Where(g => g.Count() > 1))
        {
            var first = shared.First();
            foreach (var property in shared.Skip(1))
            {
                context.Problem(type.Source, property.Line,
                    $"Property '{property.Alias}' has sort order {property.SortOrder}, as '{first.Alias}' (line {first.Line}) in group '{property.TabAlias}' does: "
                    + "Umbraco gives one of them another on import, and the site would never match this file. Give each property of a group its own sort order.");
            }
        }
    }

    private static void CheckReferences(ValidationContext context, UsyncContentType type, IEnumerable<UsyncReference> references, string what)
    {
        foreach (var reference in references)
        {
            if (!context.ContentTypesByKey.TryGetValue(reference.Key, out var target))
            {
                context.Problem(type.Source, reference.Line, $"The {what} {reference.Key} ('{reference.Alias}') is not a document type in the set.");
            }
            else if (!string.Equals(target.Alias, reference.Alias, StringComparison.OrdinalIgnoreCase))
            {
                context.Problem(type.Source, reference.Line, $"The {what} {reference.Key} is '{target.Alias}', not '{reference.Alias}'.");
            }
        }
    }

    private static void CheckProperty(ValidationContext context, UsyncContentType type, UsyncPropertyType property, HashSet<string> tabs)
    {
        if (!context.DataTypes.TryGetValue(property.DataTypeKey, out var dataType))
        {
            context.Problem(type.Source, property.Line, $"Property '{property.Alias}' uses data type {property.DataTypeKey}, which is not in the set.");
        }
        else if (!string.Equals(dataType.EditorAlias, property.EditorAlias, StringComparison.Ordinal))
        {
            context.Problem(type.Source, property.Line,
                $"Property '{property.Alias}' says editor '{property.EditorAlias}', but data type '{dataType.Name}' uses '{dataType.EditorAlias}'.");
        }

        if (!tabs.Contains(property.TabAlias))
        {
            context.Problem(type.Source, property.Line, $"Property '{property.Alias}' is in tab '{property.TabAlias}', which <Tabs> does not define.");
        }

        if (property.Variations.HasFlag(ContentVariation.Culture) && !type.VariesByCulture)
        {
            context.Problem(type.Source, property.Line, $"Property '{property.Alias}' varies by culture, but '{type.Alias}' does not.");
        }

        if (property.Validation is { } pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                context.Problem(type.Source, property.Line, $"Property '{property.Alias}' has an invalid validation pattern: {ex.Message}");
            }
        }
    }

    /// <summary>
    /// What Umbraco's back office would refuse when an editor next saves the type, though its services take it: an
    /// alias that is not safe, or is reserved (the members of Umbraco's published content, and "system" for a type), a
    /// property alias equal to its type's, a tab or group whose kind differs from the one of the same alias a
    /// composition brings, an element type that varies by segment.
    /// </summary>
    private static void CheckUmbracoRules(ValidationContext context, UsyncContentType type)
    {
        if (!IsSafeAlias(type.Alias) || type.Alias.Equals("system", StringComparison.OrdinalIgnoreCase))
        {
            context.Problem(type.Source, $"'{type.Alias}' is not an alias Umbraco accepts for a document type.");
        }

        if (type.IsElement && type.Variations.HasFlag(ContentVariation.Segment))
        {
            context.Problem(type.Source, $"'{type.Alias}' is an element type, and element types cannot vary by segment.");
        }

        foreach (var property in type.Properties)
        {
            if (!IsSafeAlias(property.Alias))
            {
                context.Problem(type.Source, property.Line, $"Property alias '{property.Alias}' is not an alias Umbraco accepts.");
            }
            else if (ReservedPropertyAliases.Contains(property.Alias))
            {
                context.Problem(type.Source, property.Line, $"Property alias '{property.Alias}' is reserved by Umbraco (published content has a member of that name).");
            }
            else if (property.Alias.Equals(type.Alias, StringComparison.OrdinalIgnoreCase))
            {
                context.Problem(type.Source, property.Line, $"Property alias '{property.Alias}' is the alias of its document type.");
            }
        }

        foreach (var composition in CompositionsOf(context, type))
        {
            foreach (var tab in type.Tabs)
            {
                if (composition.Tabs.FirstOrDefault(t => t.Alias.Equals(tab.Alias, StringComparison.OrdinalIgnoreCase)) is { } other && other.Type != tab.Type)
                {
                    context.Problem(type.Source, tab.Line,
                        $"'{tab.Alias}' is a {tab.Type.ToLowerInvariant()} here but a {other.Type.ToLowerInvariant()} in composition '{composition.Alias}'.");
                }
            }
        }
    }

    /// <summary>Every composition of a type, and theirs in turn, once each (a cycle is reported on its own).</summary>
    private static IEnumerable<UsyncContentType> CompositionsOf(ValidationContext context, UsyncContentType type)
    {
        var seen = new HashSet<Guid> { type.Key };
        var pending = new Stack<UsyncReference>(type.Compositions);
        while (pending.TryPop(out var reference))
        {
            if (seen.Add(reference.Key) && context.ContentTypesByKey.TryGetValue(reference.Key, out var composition))
            {
                yield return composition;
                foreach (var next in composition.Compositions)
                {
                    pending.Push(next);
                }
            }
        }
    }

    /// <summary>Compositions that lead back to where they start: Umbraco cannot compose such types.</summary>
    private static void ReportCompositionCycles(ValidationContext context)
    {
        var reported = new HashSet<Guid>();
        foreach (var type in context.Set.ContentTypes)
        {
            if (reported.Contains(type.Key) || FindCycle(context, type) is not { } cycle)
            {
                continue;
            }

            reported.UnionWith(cycle.Select(t => t.Key));
            context.Problem(type.Source, $"The compositions form a cycle: {string.Join(" → ", cycle.Append(cycle[0]).Select(t => t.Alias))}.");
        }
    }

    private static List<UsyncContentType>? FindCycle(ValidationContext context, UsyncContentType start)
    {
        var path = new List<UsyncContentType>();
        var done = new HashSet<Guid>();

        List<UsyncContentType>? Visit(UsyncContentType type)
        {
            var at = path.FindIndex(t => t.Key == type.Key);
            if (at >= 0)
            {
                return path[at..];
            }

            if (!done.Add(type.Key))
            {
                return null;
            }

            path.Add(type);
            foreach (var reference in type.Compositions)
            {
                if (reference.Key != type.Key && context.ContentTypesByKey.TryGetValue(reference.Key, out var next) && Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return Visit(start) is { } found && found[0].Key == start.Key ? found : null;
    }

    private static bool IsSafeAlias(string alias) =>
        !string.IsNullOrWhiteSpace(alias) && alias.Length == alias.ToSafeAlias(UmbracoStrings.ShortStringHelper).Length;

    /// <summary>Umbraco's reserved property aliases: the names of published content's members, in any case.</summary>
    private static readonly HashSet<string> ReservedPropertyAliases = typeof(IPublishedContent)
        .GetInterfaces()
        .Append(typeof(IPublishedContent))
        .SelectMany(t => t.GetProperties().Select(p => p.Name).Concat(t.GetMethods().Where(m => !m.IsSpecialName).Select(m => m.Name)))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
