using IcssiCms.VisitorSite.Forms;
using IcssiCms.VisitorSite.Hub;
using IcssiCms.VisitorSite.Languages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IcssiCms.VisitorSite.Pages;

/// <summary>
/// Any page of the hub, by its route in the language of the URL (<c>/ar/الحملات/…</c>), rendered by its content type.
/// A page not translated into the language is shown in English, saying so, as the hub's language fallback would.
/// </summary>
public sealed class ContentPageModel(DeliveryClient delivery, FormsClient forms, IStringLocalizer<SiteText> text) : SitePage
{
    public ApiContent Item { get; private set; } = null!;

    /// <summary>The language the item is shown in: the URL's, or English where the item has no translation.</summary>
    public SiteLanguage ShownIn { get; private set; } = SiteLanguage.Default;

    public bool IsFallback => ShownIn != Language;

    /// <summary>Lists the page shows beside the item itself (a campaign's news, a conference's sessions…), by name.</summary>
    public Dictionary<string, IReadOnlyList<ApiContent>> Lists { get; } = new();

    public ApiContent? Parent { get; private set; }

    /// <summary>The page of the item's long list (a campaign's news, a list page's items) being shown.</summary>
    public Paging? ListPaging { get; private set; }

    public const int ListPageSize = 10;

    public FormView? Form { get; private set; }

    public IReadOnlyList<ApiContent> ListOf(string name) => Lists.TryGetValue(name, out var items) ? items : [];

    /// <summary>The site's address of a hub item, in the language it is shown in.</summary>
    public string UrlOf(ApiContent item) => Language.UrlOf(item.Route.Path);

    public async Task<IActionResult> OnGetAsync(string lang, string? path, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(lang, path, cancellationToken))
        {
            return NotFound();
        }

        if (await FormFor(cancellationToken) is { } form)
        {
            Form = await FormViewAsync(form.Definition, form.Preselected, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string lang, string? path, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(lang, path, cancellationToken))
        {
            return NotFound();
        }

        if (await FormFor(cancellationToken) is not { } form)
        {
            return BadRequest();
        }

        var values = FormEntryReader.Values(form.Definition, Request.Form);
        if (!forms.CanSubmit)
        {
            Form = await FormViewAsync(form.Definition, form.Preselected, cancellationToken, values);
            return Page();
        }

        var result = await forms.SubmitAsync(
            form.Definition.Id, values, ShownIn.HubCulture, Item.Id, FormEntryReader.AdditionalData(Request.Form), HttpContext.Connection.RemoteIpAddress, cancellationToken);
        switch (result)
        {
            case FormSubmission.Accepted accepted:
                Form = new FormView { Definition = form.Definition, CanSubmit = true, Accepted = accepted };
                break;
            case FormSubmission.Invalid invalid:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                Form = await FormViewAsync(form.Definition, form.Preselected, cancellationToken, values, invalid.Errors);
                break;
            case FormSubmission.Refused refused:
                Response.StatusCode = refused.Status;
                // An entry over the hub's size limit is a visitor's long text, not a tampered form: said in their language.
                var problem = refused.Status == StatusCodes.Status413PayloadTooLarge ? text["EntryTooLarge"] : refused.Detail ?? text["BadRequest"];
                Form = await FormViewAsync(form.Definition, form.Preselected, cancellationToken, values, problem: problem);
                break;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string lang, string? path, CancellationToken cancellationToken)
    {
        UseLanguage(lang);
        var hubPath = "/" + (path ?? string.Empty).Trim('/');
        if (await delivery.ItemInAsync(hubPath, Language, cancellationToken) is not { } found)
        {
            return false;
        }

        (Item, ShownIn) = found;
        Title = Item.Text("metaTitle") ?? Item.Text("title") ?? Item.Text("headline") ?? Item.Name;
        Description = Item.Text("metaDescription") ?? Item.Text("summary");
        Alternates = SiteLanguage.All.ToDictionary(
            language => language,
            language => language.UrlOf(Item.PathIn(language.HubCulture) ?? Item.PathIn(SiteLanguage.Default.HubCulture) ?? Item.Route.Path));
        await LoadListsAsync(cancellationToken);
        return true;
    }

    /// <summary>What each content type shows beside itself, asked of the Delivery API in the language the item is shown in.</summary>
    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        var path = Item.Route.Path;
        switch (Item.ContentType)
        {
            case "hubHome":
                Lists["campaigns"] = await QueryAsync(new ContentQuery(Filters: ["contentType:campaign"], Sorts: ["sortOrder:asc"], Take: 20), cancellationToken);
                Lists["conferences"] = await QueryAsync(new ContentQuery(Filters: ["contentType:conference"], Sorts: ["eventDate:desc"]), cancellationToken);
                Lists["news"] = await QueryAsync(new ContentQuery(Filters: ["contentType:campaignNews"], Sorts: ["publishDate:desc"], Take: 5), cancellationToken);
                break;
            case "campaignList" or "conferenceList" or "partnerList":
                Lists["children"] = await PageOfAsync(ContentQuery.ChildrenOf(path, "sortOrder:asc"), cancellationToken);
                break;
            case "campaign":
                // News name their campaigns by the campaign's English URL segment, in every language.
                var segment = Item.SegmentIn(SiteLanguage.Default.HubCulture) ?? Item.Route.Path.TrimEnd('/').Split('/')[^1];
                Lists["news"] = await PageOfAsync(new ContentQuery(Filters: ["contentType:campaignNews", $"campaign:{segment}"], Sorts: ["publishDate:desc"]), cancellationToken);
                break;
            case "conference":
                var children = await QueryAsync(ContentQuery.ChildrenOf(path, "sortOrder:asc") with { Take = 100 }, cancellationToken);
                Lists["sessions"] = children.Where(child => child.ContentType == "conferenceSession").ToList();
                Lists["registration"] = children.Where(child => child.ContentType == "registrationPage").ToList();
                Lists["news"] = children.Where(child => child.ContentType == "campaignNews").ToList();
                break;
            case "conferenceSession" or "registrationPage" or "campaignNews" or "partner":
                var ancestors = await QueryAsync(new ContentQuery($"ancestors:{path}", Take: 20), cancellationToken);
                Parent = ancestors.Where(ancestor => ancestor.Route.Path != "/").MaxBy(ancestor => ancestor.Route.Path.Length);
                break;
        }
    }

    private async Task<IReadOnlyList<ApiContent>> QueryAsync(ContentQuery query, CancellationToken cancellationToken) =>
        (await delivery.QueryInAsync(query, ShownIn, cancellationToken)).Page.Items;

    /// <summary>The page of a long list the query string asks for (<c>?page=</c>), <see cref="ListPageSize"/> items a page.</summary>
    private async Task<IReadOnlyList<ApiContent>> PageOfAsync(ContentQuery query, CancellationToken cancellationToken)
    {
        var requested = Paging.Requested(Request.Query["page"]);
        var (result, _) = await delivery.QueryInAsync(query with { Skip = (requested - 1) * ListPageSize, Take = ListPageSize }, ShownIn, cancellationToken);
        ListPaging = new Paging(requested, ListPageSize, result.Total);
        return result.Items;
    }

    /// <summary>
    /// The form the page carries: the registration page's form; the campaign list's sign-up form, on the list and on
    /// each campaign (with that campaign ticked).
    /// </summary>
    private async Task<(FormDefinition Definition, IReadOnlyCollection<string> Preselected)?> FormFor(CancellationToken cancellationToken)
    {
        Guid? formId;
        IReadOnlyCollection<string> preselected = [];
        switch (Item.ContentType)
        {
            case "registrationPage":
                formId = Item.FormId("form");
                break;
            case "campaignList":
                formId = Item.FormId("signUpForm");
                break;
            case "campaign":
                var lists = await delivery.QueryAsync(new ContentQuery($"ancestors:{Item.Route.Path}", ["contentType:campaignList"], Take: 1), ShownIn.HubCulture, cancellationToken);
                formId = lists.Items.FirstOrDefault()?.FormId("signUpForm");
                preselected = [Item.Id.ToString()];
                break;
            default:
                return null;
        }

        return formId is { } id && await forms.DefinitionAsync(id, ShownIn.HubCulture, cancellationToken) is { } definition
            ? (definition, preselected)
            : null;
    }

    private async Task<FormView> FormViewAsync(
        FormDefinition definition,
        IReadOnlyCollection<string> preselected,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? values = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? errors = null,
        string? problem = null)
    {
        // Choices that are events (their values are content keys) say how many places are left, where the hub says.
        var eventChoices = definition.Fields.SelectMany(field => field.PreValues).Select(choice => choice.Value)
            .Where(value => Guid.TryParse(value, out _)).Distinct().ToList();
        var answers = await Task.WhenAll(eventChoices.Select(choice => forms.PlacesAsync(Guid.Parse(choice), cancellationToken)));
        var places = eventChoices.Zip(answers).Where(pair => pair.Second is not null).ToDictionary(pair => pair.First, pair => pair.Second!);

        return new FormView
        {
            Definition = definition,
            CanSubmit = forms.CanSubmit,
            FormToken = forms.CanSubmit ? await forms.FormTokenAsync(definition.Id, cancellationToken) : null,
            Values = values ?? new Dictionary<string, IReadOnlyList<string>>(),
            Errors = errors ?? new Dictionary<string, IReadOnlyList<string>>(),
            Problem = problem,
            Places = places,
            Preselected = preselected,
        };
    }
}
