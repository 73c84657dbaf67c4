using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace IcssiCms.Core.Registrations.Links;

/// <summary>
/// Confirm and cancel links: the registration's id, protected with the host's Data Protection keys under a purpose
/// per action, so a link cannot be forged, guessed from another, or used for the other action. They carry no
/// personal data. On a load-balanced site every server must share the Data Protection key ring (as Umbraco's back-office
/// sign-in needs anyway), or a link made on one server is refused on another.
/// </summary>
public sealed class RegistrationLinks(IDataProtectionProvider dataProtection, IOptions<RegistrationOptions> options) : IRegistrationLinks
{
    public const string ConfirmAction = "confirm";
    public const string CancelAction = "cancel";

    private readonly IDataProtector _confirm = dataProtection.CreateProtector("IcssiCms.Registrations.Links", ConfirmAction);
    private readonly IDataProtector _cancel = dataProtection.CreateProtector("IcssiCms.Registrations.Links", CancelAction);

    public Uri Confirm(Guid registrationId) => Link(ConfirmAction, TokenFor(ConfirmAction, registrationId));

    public Uri Cancel(Guid registrationId) => Link(CancelAction, TokenFor(CancelAction, registrationId));

    public string TokenFor(string action, Guid registrationId) => Protector(action).Protect(registrationId.ToString("N"));

    /// <summary>The registration a token names, or null when the token is not one of ours for this action.</summary>
    public Guid? Read(string action, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1024)
        {
            return null;
        }

        try
        {
            return Guid.TryParseExact(Protector(action).Unprotect(token), "N", out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private IDataProtector Protector(string action) => action switch
    {
        ConfirmAction => _confirm,
        CancelAction => _cancel,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "confirm or cancel"),
    };

    private Uri Link(string action, string token)
    {
        var settings = options.Value;
        var escaped = Uri.EscapeDataString(token);
        if (!string.IsNullOrWhiteSpace(settings.LinkTemplate))
        {
            return new Uri(settings.LinkTemplate.Replace("{action}", action, StringComparison.Ordinal).Replace("{token}", escaped, StringComparison.Ordinal));
        }

        return new Uri($"{settings.PublicBaseUrl.TrimEnd('/')}/registrations/{action}?token={escaped}");
    }
}
