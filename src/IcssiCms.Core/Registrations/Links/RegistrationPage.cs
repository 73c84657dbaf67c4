using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace IcssiCms.Core.Registrations.Links;

/// <summary>
/// The page an e-mailed link opens, in the registration's language (English, or Arabic right to left): a question and a
/// button that posts, because opening a link must change nothing (mail scanners open links too); then the outcome.
/// </summary>
public static class RegistrationPage
{
    private const string Style = "body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}button{font:inherit;padding:.5rem 1rem}";

    public static IResult Show(RegistrationPageTexts texts, string message, string? form) => Results.Content($"""
        <!DOCTYPE html>
        <html lang="{texts.Lang}" dir="{texts.Dir}">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Encode(texts.Title)}</title>
        <style>{Style}</style></head>
        <body><main><h1>{Encode(texts.Title)}</h1><p>{Encode(message)}</p>{form}</main></body>
        </html>
        """, "text/html; charset=utf-8");

    /// <summary>The button that carries the link's token (and the antiforgery token) back in a post.</summary>
    public static string Form(RegistrationPageTexts texts, string action, string token, AntiforgeryTokenSet antiforgery) => $"""
        <form method="post">
          <input type="hidden" name="token" value="{Encode(token)}">
          <input type="hidden" name="{Encode(antiforgery.FormFieldName)}" value="{Encode(antiforgery.RequestToken!)}">
          <button type="submit">{Encode(action == RegistrationLinks.ConfirmAction ? texts.ConfirmButton : texts.CancelButton)}</button>
        </form>
        """;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
