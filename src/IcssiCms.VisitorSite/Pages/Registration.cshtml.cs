using IcssiCms.VisitorSite.Forms;
using IcssiCms.VisitorSite.Hub;
using IcssiCms.VisitorSite.Languages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IcssiCms.VisitorSite.Pages;

/// <summary>
/// Where the e-mailed confirm and cancel links land (the hub's <c>IcssiCms:Registrations:LinkTemplate</c> points here):
/// a page with a button, since mail scanners open links; the button posts the token to the hub.
/// </summary>
public sealed class RegistrationModel(FormsClient forms, DeliveryClient delivery, IStringLocalizer<SiteText> text) : SitePage
{
    public string Action { get; private set; } = "confirm";

    public string? Token { get; private set; }

    public bool IsInvalid { get; private set; }

    public LinkOutcome? Outcome { get; private set; }

    public string? OutcomeText { get; private set; }

    public void OnGet(string lang, string action, string? token)
    {
        Start(lang, action, token);
        IsInvalid = string.IsNullOrWhiteSpace(token);
        // The token is a secret of the person it was sent to: the page is not to be kept by caches or sent on as a referrer.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
    }

    public async Task<IActionResult> OnPostAsync(string lang, string action, [FromForm] string? token, CancellationToken cancellationToken)
    {
        Start(lang, action, token);
        Response.Headers.CacheControl = "no-store";
        Outcome = string.IsNullOrWhiteSpace(token) ? null : await forms.FollowLinkAsync(action, token, cancellationToken);
        if (Outcome is null)
        {
            IsInvalid = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var name = (await delivery.ItemByIdAsync(Outcome.Event.Id, Language.HubCulture, cancellationToken))?.Name ?? Outcome.Event.Name;
        OutcomeText = Outcome.Outcome switch
        {
            "confirmed" => text["Confirmed", name],
            "cancelled" => text["Cancelled", name],
            "alreadyDone" => text["AlreadyDone", name],
            _ => text["LinkClosed", name],
        };
        if (Outcome.Outcome == "confirmed" && Outcome.Status == "waitlisted")
        {
            OutcomeText = text["ConfirmedWaitlisted", name];
        }

        return Page();
    }

    private void Start(string lang, string action, string? token)
    {
        UseLanguage(lang);
        Action = action;
        Token = token;
        Title = action == "confirm" ? text["ConfirmTitle"] : text["CancelTitle"];
        Alternates = SiteLanguage.All.ToDictionary(language => language, language => $"/{language.Code}/registrations/{action}");
    }
}
