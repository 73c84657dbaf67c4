using IcssiCms.VisitorSite.Hub;
using IcssiCms.VisitorSite.Languages;
using Microsoft.Extensions.Localization;

namespace IcssiCms.VisitorSite.Pages;

/// <summary>Search through the hub's <c>search:</c> filter, in the page's language (English where it has nothing yet).</summary>
public sealed class SearchModel(DeliveryClient delivery, IStringLocalizer<SiteText> text) : SitePage
{
    public const int MaxQueryLength = 200;

    public const int PageSize = 10;

    public string? Query { get; private set; }

    public string? Problem { get; private set; }

    public ApiContentPage Results { get; private set; } = ApiContentPage.Empty;

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public SiteLanguage ShownIn { get; private set; } = SiteLanguage.Default;

    public bool IsFallback => ShownIn != Language;

    public async Task OnGetAsync(string lang, string? q, CancellationToken cancellationToken)
    {
        UseLanguage(lang);
        Alternates = SiteLanguage.All.ToDictionary(language => language, language => $"/{language.Code}/search" + (q is { Length: > 0 } ? "?q=" + Uri.EscapeDataString(q) : string.Empty));
        Title = text["SearchResults"];
        Query = q?.Trim();
        ShownIn = Language;
        if (string.IsNullOrEmpty(Query))
        {
            return;
        }

        if (Query.Length > MaxQueryLength)
        {
            Problem = string.Format(Language.Culture, text["QueryTooLong"], MaxQueryLength);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // Read from the query string: a "page" parameter would bind to Razor Pages' own route value of that name.
        var requested = Paging.Requested(Request.Query["page"]);
        var query = new ContentQuery(Filters: ["search:" + Query], Skip: (requested - 1) * PageSize, Take: PageSize);
        (Results, ShownIn) = await delivery.QueryInAsync(query, Language, cancellationToken);

        Paging = new Paging(requested, PageSize, Results.Total);
    }
}
