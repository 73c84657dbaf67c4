using System.Collections.Concurrent;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.Strings;

namespace IcssiCms.Usync.Mapping;

/// <summary>
/// Umbraco's own short-string helper with its default request-handler settings: URL segments, aliases and
/// safe file names come out exactly as a default Umbraco 17 site makes them.
/// </summary>
public static class UmbracoStrings
{
    public static IShortStringHelper ShortStringHelper { get; } =
        new DefaultShortStringHelper(new DefaultShortStringHelperConfig().WithDefault(new RequestHandlerSettings()));

    /// <summary>The URL segment Umbraco gives a node name in a culture (<c>Workers' Rights</c> → <c>workers-rights</c>).</summary>
    public static string UrlSegment(string name, string? culture = null)
    {
        var key = (name, culture ?? string.Empty);
        if (Segments.TryGetValue(key, out var segment))
        {
            return segment;
        }

        segment = ShortStringHelper.CleanStringForUrlSegment(name, string.IsNullOrEmpty(culture) ? null : culture);
        // Counted here rather than by the dictionary's Count, which takes every one of its locks.
        if (Interlocked.Increment(ref _cachedSegments) > MaxCachedSegments)
        {
            Segments.Clear();
            Interlocked.Exchange(ref _cachedSegments, 0);
        }

        Segments.TryAdd(key, segment);
        return segment;
    }

    // An import computes each segment while validating, routing and writing; the helper is not cheap.
    private const int MaxCachedSegments = 100_000;
    private static readonly ConcurrentDictionary<(string Name, string Culture), string> Segments = new();
    private static int _cachedSegments;
}
