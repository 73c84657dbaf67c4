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
        var texts = Texts.For(registration?.Culture);
        if (registration is null)
        {
            return Page(texts, texts.Unknown, null);
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        var question = string.Format(action == RegistrationLinks.ConfirmAction ? texts.ConfirmQuestion : texts.CancelQuestion, events.NameOf(registration.EventKey, registration.Culture));
        var form = $"""
            <form method="post">
              <input type="hidden" name="token" value="{Encode(token!)}">
              <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken!)}">
              <button type="submit">{Encode(action == RegistrationLinks.ConfirmAction ? texts.ConfirmButton : texts.CancelButton)}</button>
            </form>
            """;
        return Page(texts, question, form);
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
        var texts = Texts.For(registration?.Culture);
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
        return Page(texts, message, null);
    }

    private const string Style = "body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}button{font:inherit;padding:.5rem 1rem}";

    private static IResult Page(Texts texts, string message, string? form) => Results.Content($"""
        <!DOCTYPE html>
        <html lang="{texts.Lang}" dir="{texts.Dir}">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Encode(texts.Title)}</title>
        <style>{Style}</style></head>
        <body><main><h1>{Encode(texts.Title)}</h1><p>{Encode(message)}</p>{form}</main></body>
        </html>
        """, "text/html; charset=utf-8");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The page's words. Sorani Kurdish has no translation yet and is shown in English.</summary>
    private sealed record Texts(
        string Lang, string Dir, string Title, string ConfirmQuestion, string CancelQuestion, string ConfirmButton, string CancelButton,
        string Confirmed, string ConfirmedWaitlisted, string Cancelled, string Closed, string Unknown)
    {
        private static readonly Texts English = new(
            "en", "ltr", "ICSSI registration",
            "Confirm your registration for {0}?", "Cancel your registration for {0}?", "Confirm", "Cancel my registration",
            "Your registration for {0} is confirmed.", "Your e-mail address is confirmed. You are on the waitlist for {0}; we will e-mail you if a place frees.",
            "Your registration for {0} is cancelled.", "This registration for {0} was cancelled or has expired; please register again.",
            "This link is not valid, or the registration no longer exists.");

        private static readonly Texts Arabic = new(
            "ar", "rtl", "التسجيل في مبادرة التضامن مع المجتمع المدني العراقي",
            "هل تريد تأكيد تسجيلك في {0}؟", "هل تريد إلغاء تسجيلك في {0}؟", "تأكيد", "إلغاء تسجيلي",
            "تم تأكيد تسجيلك في {0}.", "تم تأكيد بريدك الإلكتروني. أنت على قائمة الانتظار لـ {0}، وسنراسلك إذا توفّر مكان.",
            "تم إلغاء تسجيلك في {0}.", "أُلغي هذا التسجيل في {0} أو انتهت صلاحيته؛ يُرجى التسجيل من جديد.",
            "هذا الرابط غير صالح، أو أن التسجيل لم يعد موجودًا.");

        public static Texts For(string? culture) =>
            culture is not null && culture.StartsWith("ar", StringComparison.OrdinalIgnoreCase) ? Arabic : English;
    }
}
