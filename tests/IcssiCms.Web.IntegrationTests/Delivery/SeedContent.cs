using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Hosting;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary>One stored value of a seeded item: invariant when <see cref="Culture"/> is null.</summary>
public sealed record SeedValue(string Alias, string? Culture, string Value);

/// <summary>A content item as <c>uSync/v17/Content/*.config</c> seeds it: what the tests expect the API to serve.</summary>
public sealed record SeedItem(
    Guid Key,
    Guid ParentKey,
    string ContentType,
    int SortOrder,
    DateTime CreateDate,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlySet<string> PublishedCultures,
    IReadOnlyList<SeedValue> Values)
{
    public string Name(string culture) => Names[culture];

    /// <summary>The value in a culture, or the invariant value when the property does not vary.</summary>
    public string? Value(string alias, string? culture = null) =>
        Values.FirstOrDefault(v => v.Alias == alias && v.Culture == culture)?.Value
        ?? Values.FirstOrDefault(v => v.Alias == alias && v.Culture is null)?.Value;

    /// <summary>The document keys a picker value holds, in order (<c>umb://document/…</c>, comma-separated).</summary>
    public IReadOnlyList<Guid> Picked(string alias) =>
        (Value(alias) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(udi => Guid.ParseExact(udi[(udi.LastIndexOf('/') + 1)..], "N"))
            .ToList();

    /// <summary>The event's start date as stored (wall-clock time, no offset); null for what is not an event.</summary>
    public DateTime? StartDate =>
        Value(HubContentTypes.Conference.StartDate) is { } start ? DateTime.Parse(start, CultureInfo.InvariantCulture) : null;

    /// <summary>The rich text markup of a value stored as <c>{"markup": …, "blocks": …}</c>.</summary>
    public string Markup(string alias, string culture)
    {
        using var json = JsonDocument.Parse(Value(alias, culture)!);
        return json.RootElement.GetProperty("markup").GetString()!;
    }
}

/// <summary>The hub's seed content, read straight from the uSync files the site imports.</summary>
public sealed class SeedContent
{
    private static readonly Lazy<SeedContent> Loaded = new(() => Load(Path.Combine(HubSite.RepositoryUsyncFolder, "Content")));

    private SeedContent(IReadOnlyList<SeedItem> items) => Items = items;

    public static SeedContent Hub => Loaded.Value;

    public IReadOnlyList<SeedItem> Items { get; }

    public SeedItem Root => Items.Single(i => i.ParentKey == Guid.Empty);

    public SeedItem this[Guid key] => Items.Single(i => i.Key == key);

    public SeedItem Named(string englishName) => Items.Single(i => i.Name(HubCultures.English) == englishName);

    public IEnumerable<SeedItem> PublishedIn(string culture) => Items.Where(i => i.PublishedCultures.Contains(culture));

    public IEnumerable<SeedItem> OfType(params string[] contentTypes) => Items.Where(i => contentTypes.Contains(i.ContentType));

    public IReadOnlyList<SeedItem> ChildrenOf(Guid key) => Items.Where(i => i.ParentKey == key).OrderBy(i => i.SortOrder).ToList();

    public IEnumerable<SeedItem> DescendantsOf(Guid key) => ChildrenOf(key).SelectMany(child => DescendantsOf(child.Key).Prepend(child));

    public IEnumerable<SeedItem> AncestorsOf(Guid key)
    {
        for (var item = this[key]; item.ParentKey != Guid.Empty; item = this[item.ParentKey])
        {
            yield return this[item.ParentKey];
        }
    }

    /// <summary>Conferences and sessions: the items with a start date.</summary>
    public IEnumerable<SeedItem> Events => Items.Where(i => i.StartDate is not null);

    /// <summary>
    /// The URL segment Umbraco makes of a name: letters and digits kept (Arabic ones too), apostrophes dropped,
    /// anything else a hyphen, lower case.
    /// </summary>
    public static string Segment(string name) =>
        Regex.Replace(name.Replace("'", string.Empty).Replace("’", string.Empty), @"[^\p{L}\p{M}\p{N}]+", "-").Trim('-').ToLowerInvariant();

    /// <summary>The item's route in a culture, as Umbraco builds it: the segments below the root, slash-terminated.</summary>
    public string RouteOf(Guid key, string culture)
    {
        var segments = AncestorsOf(key).Reverse().Skip(1).Append(this[key]).Where(i => i.ParentKey != Guid.Empty).Select(i => Segment(i.Name(culture)));
        return "/" + string.Concat(segments.Select(s => s + "/"));
    }

    private static SeedContent Load(string folder) =>
        new(Directory.EnumerateFiles(folder, "*.config").Order(StringComparer.Ordinal).Select(ReadItem).ToList());

    private static SeedItem ReadItem(string file)
    {
        var content = XDocument.Load(file).Root!;
        var info = content.Element("Info")!;
        var published = info.Element("Published")!;
        var cultures = published.Elements("Published")
            .Where(p => bool.Parse(p.Value))
            .Select(p => (string)p.Attribute("Culture")!)
            .ToHashSet();

        return new SeedItem(
            Guid.Parse((string)content.Attribute("Key")!),
            Guid.Parse((string)info.Element("Parent")!.Attribute("Key")!),
            info.Element("ContentType")!.Value,
            int.Parse(info.Element("SortOrder")!.Value, CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(DateTime.Parse(info.Element("CreateDate")!.Value, CultureInfo.InvariantCulture), DateTimeKind.Utc),
            info.Element("NodeName")!.Elements("Name").ToDictionary(n => (string)n.Attribute("Culture")!, n => n.Value),
            bool.Parse((string)published.Attribute("Default")!) ? cultures : new HashSet<string>(),
            content.Element("Properties")!.Elements()
                .SelectMany(p => p.Elements("Value").Select(v => new SeedValue(p.Name.LocalName, (string?)v.Attribute("Culture"), v.Value)))
                .ToList());
    }
}
