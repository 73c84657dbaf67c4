using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

using Microsoft.AspNetCore.Http;

namespace IcssiCms.Core.Forms.Delivery;

/// <summary>
/// Who may submit, as Umbraco Forms decides: a server with the configured <c>Api-Key</c>, or a browser with a
/// valid antiforgery token when <c>EnableAntiForgeryTokenForFormsApi</c> is on.
/// </summary>
public sealed class FormsAccess(IOptions<FormsSecurityOptions> options, IAntiforgery antiforgery)
{
    public const string ApiKeyHeader = "Api-Key";

    /// <summary>True when the request carries the configured Forms API key.</summary>
    public bool IsServer(HttpContext context) => KeyMatches(context, options.Value.FormsApiKey);

    /// <returns>Null when the request may submit, else the problem to answer with.</returns>
    public async Task<IResult?> CheckAsync(HttpContext context)
    {
        var settings = options.Value;
        if (context.Request.Headers.ContainsKey(ApiKeyHeader))
        {
            return IsServer(context) ? null : Problems.Unauthorized("The Api-Key header does not match the Forms API key.");
        }

        if (settings.EnableAntiForgeryTokenForFormsApi)
        {
            try
            {
                await antiforgery.ValidateRequestAsync(context);
                return null;
            }
            catch (AntiforgeryValidationException)
            {
                return Problems.BadRequest("antiforgery",
                    "The antiforgery token is missing or invalid: send the token from the form token endpoint in its header, with its cookie, or an Api-Key.");
            }
        }

        return string.IsNullOrEmpty(settings.FormsApiKey) ? null : Problems.Unauthorized("An Api-Key header is required.");
    }

    public static bool KeyMatches(HttpContext context, string configuredKey)
    {
        if (string.IsNullOrEmpty(configuredKey) || !context.Request.Headers.TryGetValue(ApiKeyHeader, out var sent))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent.ToString()), Encoding.UTF8.GetBytes(configuredKey));
    }
}
