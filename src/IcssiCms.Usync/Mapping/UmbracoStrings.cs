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
    public static string UrlSegment(string name, string? culture = null) =>
        ShortStringHelper.CleanStringForUrlSegment(name, culture);
}
