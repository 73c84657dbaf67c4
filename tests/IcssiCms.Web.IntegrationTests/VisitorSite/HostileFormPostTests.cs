using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using IcssiCms.Core.Forms.Delivery;

namespace IcssiCms.Web.IntegrationTests.VisitorSite;

/// <summary>
/// Form posts to the visitors' site that ASP.NET Core or the site must refuse, over real HTTP: more fields, longer names
/// and larger values than ASP.NET Core reads, encodings that are not what they say, multipart bodies that are not, and
/// posts without the page's antiforgery token. Each is a 4xx page in the visitor's language, never a 5xx.
/// </summary>
[Collection(VisitorSiteCollection.Name)]
public sealed partial class HostileFormPostTests(VisitorSiteHost host)
{
    private const string ArabicRegisterPath = "/ar/conferences/icssi-conference-2014/register/";

    /// <summary>Every address the site takes a post at (and some it does not), in English and Arabic.</summary>
    private static readonly string[] Endpoints =
    [
        "/en/conferences/icssi-conference-2014/register/",
        ArabicRegisterPath,
        "/en/campaigns/womens-rights/",
        "/ar/registrations/confirm",
        "/en/registrations/cancel",
        "/registrations/confirm",
        "/en/search",
        "/error",
        "/",
    ];

    public static TheoryData<string, string> Posts()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var name in HostileForms.Names)
            {
                data.Add(endpoint, name);
            }
        }

        return data;
    }

    [Theory]
    [InlineData("/en/conferences/icssi-conference-2014/register/", "en", "This request could not be handled")]
    [InlineData(ArabicRegisterPath, "ar", "تعذّر قبول هذا الطلب")]
    public async Task A_form_with_more_fields_than_ASP_NET_Core_reads_is_a_400_page_in_the_visitors_language(string path, string language, string title)
    {
        using var visitor = host.SiteClient();
        var antiforgery = await AntiforgeryAsync(visitor, path);
        var fields = Enumerable.Range(0, 1100).Select(i => KeyValuePair.Create($"field{i}", "x")).Append(antiforgery);

        using var response = await visitor.PostAsync(path, new FormUrlEncodedContent(fields));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<html lang=\"{language}\"", page);
        Assert.Contains(title, page);
        Assert.DoesNotContain("Exception", page);
    }

    [Fact]
    public async Task A_body_larger_than_Kestrel_takes_is_a_413_page_before_it_is_sent()
    {
        using var visitor = host.SiteClient();
        var body = new ByteArrayContent(new byte[31 * 1024 * 1024]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, ArabicRegisterPath) { Content = body };
        // Kestrel refuses by the Content-Length, before asking for the body.
        request.Headers.ExpectContinue = true;

        using var response = await visitor.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("تعذّر قبول هذا الطلب", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_entry_larger_than_the_hub_takes_is_refused_in_the_visitors_language_keeping_what_they_typed()
    {
        using var visitor = host.SiteClient();
        var antiforgery = await AntiforgeryAsync(visitor, ArabicRegisterPath);
        // Over the hub's limit for an entry, well under ASP.NET Core's for a form value: the visitors' site passes it on.
        var name = new string('n', (int)FormsDeliveryApi.MaxEntryBytes + 1024);

        using var response = await visitor.PostAsync(ArabicRegisterPath, new FormUrlEncodedContent([KeyValuePair.Create("name", name), antiforgery]));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("ما أدخلته أطول من أن يُرسَل", page);
        Assert.Contains(name, page);
    }

    [Fact]
    public async Task A_post_to_a_page_that_only_shows_is_a_405_and_the_error_page_asked_for_directly_is_a_404()
    {
        using var visitor = host.SiteClient();
        var antiforgery = await AntiforgeryAsync(visitor, ArabicRegisterPath);

        using var search = await visitor.PostAsync("/ar/search", new FormUrlEncodedContent([KeyValuePair.Create("q", "دجلة"), antiforgery]));
        using var error = await visitor.GetAsync("/error");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, search.StatusCode);
        Assert.Equal(["GET", "HEAD"], search.Content.Headers.Allow);
        Assert.Contains("تعذّر قبول هذا الطلب", await search.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("Page not found", await error.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task A_hostile_post_is_a_4xx_page_never_a_5xx(string endpoint, string hostile)
    {
        using var visitor = host.SiteClient();
        var antiforgery = await AntiforgeryAsync(visitor, ArabicRegisterPath);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = HostileForms.Body(hostile, antiforgery) };

        using var response = await visitor.SendAsync(request);

        var status = (int)response.StatusCode;
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(status is >= 400 and < 500, $"{hostile} to {endpoint}: {status} {page[..Math.Min(page.Length, 300)]}");
        Assert.DoesNotContain("Exception", page);
        Assert.DoesNotContain("   at ", page);
        if (page.Length > 0)
        {
            Assert.Contains(endpoint.StartsWith("/ar/", StringComparison.Ordinal) ? "<html lang=\"ar\" dir=\"rtl\"" : "<html lang=\"en\"", page);
        }
    }

    /// <summary>The antiforgery field of the page's form (its cookie is kept by the client).</summary>
    private static async Task<KeyValuePair<string, string>> AntiforgeryAsync(HttpClient visitor, string path)
    {
        using var response = await visitor.GetAsync(path);
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, $"{path} has no antiforgery token.");
        return KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups["value"].Value));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

/// <summary>
/// Hostile form bodies, each made around a valid antiforgery field (those that test its absence leave it out): what
/// ASP.NET Core's form reader refuses (<c>FormOptions</c>' limits, broken multipart), what it reads but no form of the
/// site has, and encodings that lie.
/// </summary>
public static class HostileForms
{
    private static readonly Dictionary<string, Func<KeyValuePair<string, string>, HttpContent>> Bodies = new()
    {
        ["too many fields (1,025)"] = token => Form(Many(1024).Append(token)),
        ["too many fields (100,000)"] = token => Form(Many(100_000).Append(token)),
        ["too many values of one field"] = token => Form(Enumerable.Repeat(KeyValuePair.Create("name", "x"), 2000).Append(token)),
        ["a field name longer than 2,048 characters"] = token => Form([KeyValuePair.Create(new string('k', 3000), "x"), token]),
        ["a value longer than 4 MiB"] = token => Form([KeyValuePair.Create("name", new string('v', 5 * 1024 * 1024)), token]),
        ["a 1 MiB name and e-mail address"] = token => Form([KeyValuePair.Create("name", new string('n', 1024 * 1024)), KeyValuePair.Create("email", new string('e', 1024 * 1024) + "@example.org"), token]),
        ["a 64 KiB link token"] = token => Form([KeyValuePair.Create("token", new string('t', 64 * 1024)), token]),
        ["percent escapes that are not"] = token => Raw(Encoded(token) + "&name=%ZZ%&email=%&country=%%2", "application/x-www-form-urlencoded"),
        ["escapes of bytes that are not UTF-8"] = token => Raw(Encoded(token) + "&name=%FF%FE%C0%AF&email=a%80b%40example.org", "application/x-www-form-urlencoded"),
        ["a lone surrogate escaped as UTF-8"] = token => Raw(Encoded(token) + "&name=%ED%A0%80&token=%ED%B0%80", "application/x-www-form-urlencoded"),
        ["raw bytes that are not UTF-8"] = token => Bytes([.. Encoding.ASCII.GetBytes(Encoded(token) + "&name="), 0xFF, 0xC3, 0x28, 0xE2, 0x82], "application/x-www-form-urlencoded"),
        ["NUL and control characters"] = token => Form([KeyValuePair.Create("name", "a\0b\u0001c\u001b[2J"), KeyValuePair.Create("token", "\0"), token]),
        ["a charset that does not exist"] = token => Raw(Encoded(token) + "&name=x", "application/x-www-form-urlencoded; charset=no-such-charset"),
        ["UTF-16 said, UTF-8 sent"] = token => Raw(Encoded(token) + "&name=x", "application/x-www-form-urlencoded; charset=utf-16"),
        ["multipart without a boundary"] = token => Raw(Encoded(token), "multipart/form-data"),
        ["multipart cut short"] = token => Raw($"--b\r\nContent-Disposition: form-data; name=\"{token.Key}\"\r\n\r\n{token.Value}\r\n--b\r\nContent-Disp", "multipart/form-data; boundary=b"),
        ["multipart with a 20 KiB part header"] = token => Raw($"--b\r\nContent-Disposition: form-data; name=\"{token.Key}\"\r\n\r\n{token.Value}\r\n--b\r\nContent-Disposition: form-data; name=\"name\"\r\nX-Long: {new string('h', 20 * 1024)}\r\n\r\nx\r\n--b--\r\n", "multipart/form-data; boundary=b"),
        ["multipart with 1,025 parts"] = token => Multipart(Many(1024).Append(token)),
        ["multipart with a file"] = token => Multipart([token], ("cv", "cv.exe", new byte[64 * 1024])),
        ["JSON instead of a form"] = token => Raw($"{{\"{token.Key}\":\"{token.Value}\",\"name\":\"x\"}}", "application/json"),
        ["no content type"] = token => new ByteArrayContent(Encoding.ASCII.GetBytes(Encoded(token))),
        ["no antiforgery token"] = _ => Form([KeyValuePair.Create("name", "No Token"), KeyValuePair.Create("token", "x")]),
        ["an antiforgery token made up"] = token => Form([KeyValuePair.Create(token.Key, "CfDJ8" + new string('A', 150)), KeyValuePair.Create("name", "x")]),
        ["an empty body"] = _ => Raw(string.Empty, "application/x-www-form-urlencoded"),
    };

    public static IEnumerable<string> Names => Bodies.Keys;

    public static HttpContent Body(string name, KeyValuePair<string, string> antiforgery) => Bodies[name](antiforgery);

    private static IEnumerable<KeyValuePair<string, string>> Many(int count) =>
        Enumerable.Range(0, count).Select(i => KeyValuePair.Create($"f{i}", "x"));

    private static HttpContent Form(IEnumerable<KeyValuePair<string, string>> fields) => Raw(string.Join('&', fields.Select(Encoded)), "application/x-www-form-urlencoded");

    private static string Encoded(KeyValuePair<string, string> field) => $"{Uri.EscapeDataString(field.Key)}={Uri.EscapeDataString(field.Value)}";

    private static HttpContent Raw(string body, string contentType) => Bytes(Encoding.UTF8.GetBytes(body), contentType);

    private static HttpContent Bytes(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static HttpContent Multipart(IEnumerable<KeyValuePair<string, string>> fields, params (string Name, string FileName, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent("b");
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var (name, fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, name, fileName);
        }

        return content;
    }
}
