using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace IcssiCms.Core.Forms.Delivery;

/// <summary>
/// A JSON request body read strictly, for the plugin's public endpoints: JSON content only, no property given twice, and
/// every name and string valid Unicode. Anything else is a problem answer naming <c>body</c>, never an exception.
/// </summary>
public static class JsonBody
{
    private const string NotUnicode = "The body holds text that is not valid Unicode (invalid UTF-8, or a lone surrogate).";

    /// <summary>A property given twice is refused rather than read one way or the other.</summary>
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    /// <summary>The body, or the problem to answer with; <paramref name="what"/> names what is sent, for the 415's message.</summary>
    public static async Task<(JsonElement Body, IResult? Problem)> ReadAsync(HttpContext context, string what)
    {
        if (!context.Request.HasJsonContentType())
        {
            return (default, Problems.UnsupportedMediaType($"{what} are sent as application/json."));
        }

        using var buffer = new MemoryStream();
        try
        {
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        }
        catch (BadHttpRequestException ex)
        {
            // Over the endpoint's size limit, or cut off.
            return (default, Results.Problem(title: "Invalid 'body'", detail: ex.Message, statusCode: ex.StatusCode));
        }

        return Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), out var body) is { } problem ? (default, Problems.BadRequest("body", problem)) : (body, null);
    }

    /// <summary>A body read already: null and the body, or what is wrong with it (to be answered as a 400 naming <c>body</c>).</summary>
    public static string? Parse(ReadOnlyMemory<byte> utf8, out JsonElement body)
    {
        body = default;
        try
        {
            using var document = JsonDocument.Parse(utf8, Strict);
            return Checked(document.RootElement.Clone(), out body);
        }
        catch (JsonException ex)
        {
            return $"The body is not valid JSON: {ex.Message}";
        }
        catch (InvalidOperationException)
        {
            // Checking names for duplicates reads them, and a name holding a lone surrogate cannot be read.
            return NotUnicode;
        }
    }

    private static string? Checked(JsonElement element, out JsonElement body)
    {
        body = element;
        return IsUnicode(element) ? null : NotUnicode;
    }

    /// <summary>
    /// True when every name and string of the document reads as text: the parser lets invalid UTF-8 and escaped lone
    /// surrogates through, and reading them later would throw.
    /// </summary>
    private static bool IsUnicode(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.Object => element.EnumerateObject().All(p => p.Name.Length >= 0 && IsUnicode(p.Value)),
                JsonValueKind.Array => element.EnumerateArray().All(IsUnicode),
                JsonValueKind.String => element.GetString() is not null,
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
