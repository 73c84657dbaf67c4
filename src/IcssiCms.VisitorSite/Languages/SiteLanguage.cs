using System.Globalization;

namespace IcssiCms.VisitorSite.Languages;

/// <summary>
/// A language of the site: the code in its URLs (<c>/ar/…</c>), the hub's culture it asks the Delivery API and the
/// Forms API for, and the culture its dates, numbers and texts are shown in. Arabic and Kurdish are shown with Iraq's
/// calendar names (<c>ar-IQ</c>: تشرين الأول, not أكتوبر), which is what the hub's readers use.
/// </summary>
public sealed record SiteLanguage(string Code, string HubCulture, string DisplayCulture, string NativeName)
{
    public static readonly SiteLanguage English = new("en", "en-US", "en-US", "English");
    public static readonly SiteLanguage Arabic = new("ar", "ar", "ar-IQ", "العربية");
    public static readonly SiteLanguage Kurdish = new("ckb", "ckb", "ckb-IQ", "کوردی");

    public static IReadOnlyList<SiteLanguage> All { get; } = [English, Arabic, Kurdish];

    /// <summary>The language the hub falls back to, and the site with it, where a page has no translation.</summary>
    public static SiteLanguage Default => English;

    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(DisplayCulture);

    public bool IsRightToLeft => Culture.TextInfo.IsRightToLeft;

    public string Direction => IsRightToLeft ? "rtl" : "ltr";

    public static SiteLanguage? FromCode(string? code) =>
        All.FirstOrDefault(language => string.Equals(language.Code, code, StringComparison.OrdinalIgnoreCase));

    public static SiteLanguage? FromHubCulture(string? culture) =>
        All.FirstOrDefault(language => string.Equals(language.HubCulture, culture, StringComparison.OrdinalIgnoreCase));

    /// <summary>The site's address of a hub route (<c>/campaigns/save-the-tigris/</c>) in this language.</summary>
    public string UrlOf(string hubPath) => "/" + Code + "/" + hubPath.TrimStart('/');

    /// <summary>The first of the site's languages the browser asks for (<c>Accept-Language</c>), else English.</summary>
    public static SiteLanguage FromAcceptLanguage(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(header => header.Quality ?? 1)
            .Select(header => All.FirstOrDefault(language =>
                header.Value.Value is { } tag && (tag.Equals(language.Code, StringComparison.OrdinalIgnoreCase)
                    || tag.StartsWith(language.Code + "-", StringComparison.OrdinalIgnoreCase))))
            .FirstOrDefault(language => language is not null)
        ?? Default;

    /// <summary>The language named by the first segment of a request path, if any.</summary>
    public static SiteLanguage? FromPath(PathString path)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value) || value.Length < 2)
        {
            return null;
        }

        var end = value.IndexOf('/', 1);
        return FromCode(end < 0 ? value[1..] : value[1..end]);
    }
}
