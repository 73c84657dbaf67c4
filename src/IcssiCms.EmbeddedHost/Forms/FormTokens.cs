using IcssiCms.Core.Registrations;
using IcssiCms.Core.Forms.Delivery;
using System.Globalization;
using IcssiCms.EmbeddedHost.Registrations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace IcssiCms.EmbeddedHost.Forms;

/// <summary>
/// The form token a client fetches when it shows a form and sends back in <c>additionalData.formToken</c>: it
/// says which form was shown and when, protected so it cannot be made up. A submission faster than a person
/// could fill the form, or with a token for another form or too old, is refused.
/// </summary>
public sealed class FormTokens(IDataProtectionProvider dataProtection, TimeProvider time, IOptions<RegistrationOptions> options)
{
    public const string AdditionalDataKey = "formToken";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("IcssiCms.Forms.FormToken");

    public string Issue(Guid formKey) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{formKey:N}|{time.GetUtcNow().UtcTicks}"));

    public enum Verdict
    {
        Accepted,
        Missing,
        Invalid,
        Expired,
        TooFast,
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
