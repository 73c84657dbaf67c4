using System.Text;
using System.Text.Json;

namespace IcssiCms.Web.IntegrationTests.Hosting;

/// <summary>
/// Hostile JSON bodies any endpoint that reads JSON must refuse with a 4xx problem: malformed JSON of every kind, bytes
/// that are not UTF-8, escapes that are not Unicode, and deep nesting. Made from a valid body of the endpoint, a string
/// value in it to corrupt, and one of its top-level members.
/// </summary>
public static class HostileJson
{
    public static void AddCommon(TheoryData<string, byte[], string> data, string valid, string placeholder, string member)
    {
        void Json(string name, string body) => data.Add(name, Encoding.UTF8.GetBytes(body), "application/json");
        void Bytes(string name, byte[] body) => data.Add(name, body, "application/json");
        string Member(string value) => $"{{\"{member}\":{value}}}";
        byte[] Utf8Around(params byte[] inner) => [.. Encoding.UTF8.GetBytes(Member("\"")[..^1]), .. inner, .. "\"}"u8];

        foreach (var (name, body) in new[]
        {
            ("empty", ""), ("whitespace", "   "), ("open brace", "{"), ("close brace", "}"), ("open bracket", "["),
            ("truncated", valid[..(valid.Length / 2)]), ("trailing comma", valid[..^1] + ",}"),
            ("single quotes", $"{{'{member}':{{}}}}"), ("unquoted key", $"{{{member}:{{}}}}"), ("comment", "{/* c */" + valid[1..]),
            ("NaN", Member("NaN")), ("bare word", "nul"), ("two documents", valid + valid),
            ("control character in a string", Member("\"a\u0001b\"")),
        })
        {
            Json($"malformed: {name}", body);
        }

        Bytes("invalid UTF-8: lone continuation byte", Utf8Around(0x80));
        Bytes("invalid UTF-8: 0xFF", Utf8Around(0xFF));
        Bytes("invalid UTF-8: overlong slash", Utf8Around(0xC0, 0xAF));
        Bytes("invalid UTF-8: truncated sequence", Utf8Around(0xE2, 0x82));
        Json("lone high surrogate", valid.Replace(placeholder, "\\ud800"));
        Json("lone low surrogate", valid.Replace(placeholder, "\\udc00"));
        Json("surrogates reversed", valid.Replace(placeholder, "\\udc00\\ud800"));
        Json("lone surrogate in a member's name", "{\"\\ud800\":\"x\"}");

        Json("nested 100 deep", Member(new string('[', 100) + new string(']', 100)));
        Json("nested 10,000 deep", new string('[', 10_000) + new string(']', 10_000));
    }

    /// <summary>The answer to a hostile body: a 4xx with a problem body whose status is the answer's; its text, for more checks.</summary>
    public static async Task<string> AssertRefusedAsync(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status is >= 400 and < 500, $"{what}: {status} {text[..Math.Min(text.Length, 300)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
        return text;
    }
}
