using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IcssiCms.Usync.Editors;
using IcssiCms.Usync.Model;
using Umbraco.Cms.Core.Models;

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

            var inherited = type.Compositions
                .Select(c => context.ContentTypesByKey.GetValueOrDefault(c.Key))
                .OfType<UsyncContentType>()
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
}
