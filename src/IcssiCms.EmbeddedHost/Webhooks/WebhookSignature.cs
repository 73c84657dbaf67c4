using System.Security.Cryptography;
using System.Text;

namespace IcssiCms.EmbeddedHost.Webhooks;

/// <summary>The <c>X-Icssi-Signature</c> header: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body, keyed with the target's secret.</summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Icssi-Signature";

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Compares in constant time, as a receiver should.</summary>
    public static bool IsValid(string secret, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, body)), Encoding.ASCII.GetBytes(signature));
}
