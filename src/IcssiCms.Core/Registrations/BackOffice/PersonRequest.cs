using System.Text.Json;
using Microsoft.AspNetCore.Http;
using IcssiCms.Core.BackOffice;
using IcssiCms.Core.Forms.Delivery;
using Microsoft.AspNetCore.Mvc;

namespace IcssiCms.Core.Registrations.BackOffice;

/// <summary>
/// The body of a request about one person: <c>{"email": "…"}</c>, read strictly (at most 4 KB of UTF-8 JSON, by the rules
/// of <see cref="JsonBody"/>, one object with no other member), so that any other body is refused with a problem naming what is wrong and nothing is done.
/// The address travels in the body so that it stays out of URLs and the logs that keep them.
/// </summary>
public static class PersonRequest
{
    public const string EmailMember = "email";
    public const int MaxBodyBytes = 4 * 1024;
    public const int MaxEmailLength = 320;

    /// <summary>The e-mail address, trimmed and lower-cased as the store keeps it; or the problem to answer with.</summary>
    public static async Task<(string? Email, ObjectResult? Problem)> ReadEmailAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } contentType || !IsJson(contentType))
        {
            return (null, BackOfficeProblems.Create(StatusCodes.Status415UnsupportedMediaType, "body", "Send the body as application/json: {\"email\": \"…\"}."));
        }

        var body = await ReadLimitedAsync(request.Body, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return (null, BackOfficeProblems.Create(StatusCodes.Status413PayloadTooLarge, "body", $"The body is over {MaxBodyBytes} bytes."));
        }

        if (JsonBody.Parse(body, out var json) is { } unreadable)
        {
            return (null, BackOfficeProblems.Create(StatusCodes.Status400BadRequest, "body", unreadable));
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            return (null, BackOfficeProblems.Create(StatusCodes.Status400BadRequest, "body", "The body is not a JSON object: send {\"email\": \"…\"}."));
        }

        var (email, problem) = EmailIn(json);
        if (problem is not null)
        {
            return (null, problem);
        }

        email = email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return (null, BackOfficeProblems.Create(StatusCodes.Status400BadRequest, EmailMember, "Send the person's e-mail address as \"email\"."));
        }

        if (email.Length > MaxEmailLength || !LooksLikeAnAddress(email))
        {
            return (null, BackOfficeProblems.Create(StatusCodes.Status400BadRequest, EmailMember, "\"email\" is not an e-mail address."));
        }

        return (email.ToLowerInvariant(), null);
    }

    private static (string? Email, ObjectResult? Problem) EmailIn(JsonElement body)
    {
        string? email = null;
        foreach (var member in body.EnumerateObject())
        {
            if (member.Name != EmailMember)
            {
                return (null, BackOfficeProblems.Create(StatusCodes.Status400BadRequest, "body", "The body has a member other than \"email\"."));
            }

            if (member.Value.ValueKind != JsonValueKind.String)
            {
                return (null, BackOfficeProblems.Create(StatusCodes.Status400BadRequest, EmailMember, "\"email\" is not a string."));
            }

            email = member.Value.GetString();
        }

        return (email, null);
    }

    private static bool LooksLikeAnAddress(string email)
    {
        var at = email.LastIndexOf('@');
        return at > 0 && at < email.Length - 1 && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
    }

    private static bool IsJson(string contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && (parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || parsed.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true)
        && (parsed.Charset.Value is null || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
