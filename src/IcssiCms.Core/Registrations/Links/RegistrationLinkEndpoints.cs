using System.Text.Json;
using IcssiCms.Core.Forms.Delivery;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IcssiCms.Core.Registrations.Links;

/// <summary>
/// What the e-mailed links lead to: the page at <c>/registrations/{confirm|cancel}?token=</c> (shown on GET, acting on
/// the button's POST), the same two actions as JSON for a headless front end (<c>POST /api/icssi/registrations/confirm</c>
/// and <c>/cancel</c> with <c>{"token": …}</c>), and the places left at an event. No e-mail address travels in a URL.
/// </summary>
public static class RegistrationLinkEndpoints
{
    public const string PageRoute = "/registrations/{action:regex(^(confirm|cancel)$)}";
    public const string ApiRoute = "/api/icssi/registrations";
    public const string PlacesRoute = "/api/icssi/events/{id:guid}/places";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(PageRoute, ShowPage);
        app.MapPost(PageRoute, SubmitPageAsync);
        app.MapPost(ApiRoute + "/" + RegistrationLinks.ConfirmAction, (HttpContext context, RegistrationLinks links, RegistrationStore store, HubEvents events) =>
            RunAsync(RegistrationLinks.ConfirmAction, context, links, store, events));
        app.MapPost(ApiRoute + "/" + RegistrationLinks.CancelAction, (HttpContext context, RegistrationLinks links, RegistrationStore store, HubEvents events) =>
            RunAsync(RegistrationLinks.CancelAction, context, links, store, events));
        app.MapGet(PlacesRoute, GetPlaces);
    }

    /// <summary>What a link did: <c>confirmed</c>, <c>cancelled</c>, <c>alreadyDone</c> or <c>closed</c>, and where the registration stands.</summary>
    public sealed record LinkResponse(string Outcome, string Status, EventReference Event);

    public sealed record EventReference(Guid Id, string Name);

    public sealed record PlacesResponse(Guid Id, int? Capacity, int Held, int? Available);

    private static IResult ShowPage(string action, string? token, RegistrationLinks links, RegistrationStore store, HubEvents events, IAntiforgery antiforgery, HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        var registration = links.Read(action, token) is { } key ? store.Find(key) : null;
        var texts = RegistrationPageTexts.For(registration?.Culture);
        if (registration is null)
        {
            return RegistrationPage.Show(texts, texts.Unknown, null);
        }

        var question = action == RegistrationLinks.ConfirmAction ? texts.ConfirmQuestion : texts.CancelQuestion;
        return RegistrationPage.Show(
            texts,
            string.Format(question, events.NameOf(registration.EventKey, registration.Culture)),
            RegistrationPage.Form(texts, action, token!, antiforgery.GetAndStoreTokens(context)));
    }

    private static async Task<IResult> SubmitPageAsync(string action, HttpContext context, RegistrationLinks links, RegistrationStore store, HubEvents events, IAntiforgery antiforgery)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!context.Request.HasFormContentType)
        {
            return Problems.UnsupportedMediaType("The page's button posts a form.");
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Problems.BadRequest("antiforgery", "Open the link from the e-mail again.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var result = links.Read(action, form["token"].ToString()) is { } key ? Act(action, key, store) : new LinkResult(LinkOutcome.NotFound, null, null, null);
        var texts = RegistrationPageTexts.For(result.Culture);
        var eventName = result.EventKey is { } eventKey ? events.NameOf(eventKey, result.Culture ?? string.Empty) : string.Empty;
        var message = (result.Outcome, result.Status) switch
        {
            (LinkOutcome.NotFound, _) => texts.Unknown,
            (LinkOutcome.Closed, _) => string.Format(texts.Closed, eventName),
            (_, RegistrationStatus.Waitlisted) => string.Format(texts.ConfirmedWaitlisted, eventName),
            (_, RegistrationStatus.Cancelled or RegistrationStatus.Expired) => string.Format(texts.Cancelled, eventName),
            _ => string.Format(texts.Confirmed, eventName),
        };
        return RegistrationPage.Show(texts, message, null);
    }

    private static async Task<IResult> RunAsync(string action, HttpContext context, RegistrationLinks links, RegistrationStore store, HubEvents events)
    {
        context.Response.Headers.CacheControl = "no-store";
        var (body, unreadable) = await JsonBody.ReadAsync(context, "Link tokens");
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("token", out var token) || token.ValueKind != JsonValueKind.String)
        {
            return Problems.BadRequest("token", "Send the token from the e-mailed link as {\"token\": \"…\"}.");
        }

        foreach (var property in body.EnumerateObject())
        {
            if (property.Name != "token")
            {
                return Problems.BadRequest(property.Name, $"'{property.Name}' is not part of a link's body.");
            }
        }

        if (links.Read(action, token.GetString()) is not { } key)
        {
            return Problems.BadRequest("token", $"The token is not a valid {action} link.");
        }

        var result = Act(action, key, store);
        if (result.Outcome == LinkOutcome.NotFound)
        {
            return Problems.NotFound("This registration no longer exists.");
        }

        var outcome = result.Outcome switch
        {
            LinkOutcome.Done => action == RegistrationLinks.ConfirmAction ? "confirmed" : "cancelled",
            LinkOutcome.AlreadyDone => "alreadyDone",
            _ => "closed",
        };
        var eventKey = result.EventKey!.Value;
        return Results.Ok(new LinkResponse(
            outcome, result.Status!.Value.ToText(), new EventReference(eventKey, events.NameOf(eventKey, result.Culture ?? string.Empty))));
    }

    private static IResult GetPlaces(Guid id, HubEvents events, RegistrationStore store, HttpContext context)
    {
        if (events.Find(id) is not { } published)
        {
            return Problems.NotFound($"No published event has the id {id}.");
        }

        var held = store.HeldPlaces([id])[id];
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Ok(new PlacesResponse(id, published.Capacity, held, published.Capacity is { } capacity ? Math.Max(0, capacity - held) : null));
    }

    private static LinkResult Act(string action, Guid key, RegistrationStore store) =>
        action == RegistrationLinks.ConfirmAction ? store.Confirm(key) : store.Cancel(key);

}
