using System.Globalization;
using IcssiCms.Core.Registrations;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace IcssiCms.Core.Forms.Delivery;

/// <summary>
/// The form token a client fetches when it shows a form and sends back in <c>additionalData.formToken</c>: it
/// says which form was shown and when, protected so it cannot be made up. A submission faster than a person
/// could fill the form, or with a token for another form or too old, is refused.
/// </summary>
public sealed class FormTokens(IDataProtectionProvider dataProtection, TimeProvider time, IOptions<RegistrationOptions> options)
{
    public const string AdditionalDataKey = "formToken";

    private const string TokenMember = "additionalData." + AdditionalDataKey;

    private readonly IDataProtector _protector = dataProtection.CreateProtector("IcssiCms.Forms.FormToken");

    public string Issue(Guid formKey) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{formKey:N}|{time.GetUtcNow().UtcTicks}"));

    /// <summary>
    /// What a client needs to send an entry from a browser: the form token (when the form was shown) and the antiforgery
    /// token for its header, with its cookie. Never cached.
    /// </summary>
    public FormTokenResponse IssueForBrowser(Guid formKey, IAntiforgery antiforgery, HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        var antiforgeryTokens = antiforgery.GetAndStoreTokens(context);
        return new FormTokenResponse(Issue(formKey), new AntiforgeryResponse(antiforgeryTokens.HeaderName!, antiforgeryTokens.RequestToken!));
    }

    public enum Verdict
    {
        Accepted,
        Missing,
        Invalid,
        Expired,
        TooFast,
    }

    /// <summary>The problem to answer an entry with when its form token is not accepted; null when it is.</summary>
    public IResult? Refusal(Guid formKey, string? token, HttpContext context)
    {
        var (verdict, wait) = Check(formKey, token);
        return verdict switch
        {
            Verdict.TooFast => Problems.TooManyRequests(context, wait, "The form was sent too soon after it was shown; try again in a moment."),
            Verdict.Missing => Problems.BadRequest(TokenMember, "Send the token from the form token endpoint in additionalData.formToken."),
            Verdict.Invalid => Problems.BadRequest(TokenMember, "The form token is not valid for this form."),
            Verdict.Expired => Problems.BadRequest(TokenMember, "The form token has expired; reload the form."),
            _ => null,
        };
    }

    /// <returns>The verdict, and for <see cref="Verdict.TooFast"/> how long to wait.</returns>
    public (Verdict Verdict, TimeSpan Wait) Check(Guid formKey, string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (Verdict.Missing, TimeSpan.Zero);
        }

        string text;
        try
        {
            text = _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return (Verdict.Invalid, TimeSpan.Zero);
        }

        var parts = text.Split('|');
        if (parts.Length != 2 || parts[0] != formKey.ToString("N") || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks))
        {
            return (Verdict.Invalid, TimeSpan.Zero);
        }

        var abuse = options.Value.Abuse;
        var age = time.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
        if (age > abuse.FormTokenLifetime)
        {
            return (Verdict.Expired, TimeSpan.Zero);
        }

        return age < abuse.MinimumTimeToSubmit ? (Verdict.TooFast, abuse.MinimumTimeToSubmit - age) : (Verdict.Accepted, TimeSpan.Zero);
    }
}

public sealed record FormTokenResponse(string FormToken, AntiforgeryResponse Antiforgery);

public sealed record AntiforgeryResponse(string HeaderName, string RequestToken);
