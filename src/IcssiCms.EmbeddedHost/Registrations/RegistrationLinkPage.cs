using IcssiCms.Core.Registrations.Links;
using IcssiCms.Core.Registrations.Mail;
using IcssiCms.Core.Registrations;
using RegistrationMailKind = IcssiCms.Store.Storage.RegistrationMailKind;
using RegistrationStatus = IcssiCms.Store.Storage.RegistrationStatus;
using System.Net;
using IcssiCms.Store.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.EmbeddedHost.Registrations;

/// <summary>
/// The page an e-mailed link opens when no site is configured for it (<see cref="RegistrationOptions.LinkTemplate"/>).
/// Opening the link changes nothing: mail scanners open links too. The person presses a button, which posts.
/// The page speaks the registration's language: English, or Arabic right to left.
/// </summary>
public static class RegistrationLinkPage
{
    public static IEndpointRouteBuilder MapRegistrationLinkPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/registrations/{action:regex(^(confirm|cancel)$)}", ShowAsync);
        app.MapPost("/registrations/{action:regex(^(confirm|cancel)$)}", SubmitAsync);
        return app;
    }

    private static async Task<IResult> ShowAsync(string action, string? token, RegistrationLinks links, HubDbContext db, EventCapacities events, IAntiforgery antiforgery, HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        var registration = links.Read(action, token) is { } id ? await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id) : null;
        var texts = RegistrationPageTexts.For(registration?.Culture);
        if (registration is null)
        {
            return RegistrationPage.Show(texts, texts.Unknown, null);
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        var question = string.Format(action == RegistrationLinks.ConfirmAction ? texts.ConfirmQuestion : texts.CancelQuestion, events.NameOf(registration.EventKey, registration.Culture));
        var form = RegistrationPage.Form(texts, action, token!, tokens);
        return RegistrationPage.Show(texts, question, form);
    }

    private static async Task<IResult> SubmitAsync(string action, HttpContext context, RegistrationLinks links, RegistrationWriter writer, EventCapacities events, IAntiforgery antiforgery)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Problem(title: "Invalid 'antiforgery'", detail: "Open the link from the e-mail again.", statusCode: StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var token = form["token"].ToString();
        var id = links.Read(action, token);
        var result = id is { } registrationId
            ? action == RegistrationLinks.ConfirmAction ? await writer.ConfirmAsync(registrationId, context.RequestAborted) : await writer.CancelAsync(registrationId, context.RequestAborted)
            : new LinkResult(LinkOutcome.NotFound, null, null);
        var registration = id is null ? null : context.RequestServices.GetRequiredService<HubDbContext>().Registrations.AsNoTracking().FirstOrDefault(r => r.Id == id);
        var texts = RegistrationPageTexts.For(registration?.Culture);
        var eventName = result.EventKey is { } eventKey ? events.NameOf(eventKey, registration?.Culture ?? string.Empty) : string.Empty;
        var message = (result.Outcome, result.Status) switch
        {
            (LinkOutcome.NotFound, _) => texts.Unknown,
            (LinkOutcome.Closed, _) => string.Format(texts.Closed, eventName),
            (_, RegistrationStatus.Confirmed) => string.Format(texts.Confirmed, eventName),
            (_, RegistrationStatus.Waitlisted) => string.Format(texts.ConfirmedWaitlisted, eventName),
            (_, RegistrationStatus.Cancelled or RegistrationStatus.Expired) => string.Format(texts.Cancelled, eventName),
            _ => string.Format(texts.Confirmed, eventName),
        };
        return RegistrationPage.Show(texts, message, null);
    }
}
