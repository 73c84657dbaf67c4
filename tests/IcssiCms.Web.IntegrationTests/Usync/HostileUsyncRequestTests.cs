using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IcssiCms.Usync.Planning;
using IcssiCms.Usync.Transfer;
using IcssiCms.Web.IntegrationTests.Hosting;

namespace IcssiCms.Web.IntegrationTests.Usync;

/// <summary>
/// Generated hostile requests to the plugin's uSync endpoints, each answered 4xx with a problem that names what is
/// wrong, never a 500, and none of them writing anything or leaving an unpacked folder behind.
/// </summary>
[Collection(UsyncSiteCollection.Name)]
public sealed class HostileUsyncRequestTests(UsyncSite site)
{
    private const string Api = "/umbraco/management/api/v1/icssi/usync/";
    private readonly HttpClient _http = site.Administrator;

    public static TheoryData<string, byte[]> HostileArchives()
    {
        var data = new TheoryData<string, byte[]>
        {
            { "empty body", [] },
            { "text, not a zip", "usync.config"u8.ToArray() },
            { "random bytes", Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251)).ToArray() },
            { "zip truncated", Zip(("usync.config", "<uSync />"), ("Content/a.config", "<Content />"))[..40] },
            { "no usync.config", Zip(("Content/a.config", "<Content />")) },
            { "twice the same file", Zip(("usync.config", "<uSync />"), ("Content/a.config", "<Content />"), ("content/A.config", "<Content />")) },
            { "a file not in a handler's folder", Zip(("usync.config", "<uSync />"), ("Other/a.config", "<Content />")) },
            { "a file that is not .config", Zip(("usync.config", "<uSync />"), ("Content/a.txt", "text")) },
            { "a file in the folder's top", Zip(("usync.config", "<uSync />"), ("a.config", "<Content />")) },
        };
        foreach (var path in new[] { "../escape.config", "Content/../../escape.config", "/etc/escape.config", "C:/escape.config", "Content\\..\\..\\escape.config", "Content/./a.config", "Content//a.config", "Content/a\u0001.config", "Content/" + new string('a', 500) + ".config" })
        {
            data.Add($"entry named {path[..Math.Min(path.Length, 40)]}", Zip(("usync.config", "<uSync />"), (path, "<Content />")));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostileArchives))]
    public async Task A_Hostile_Archive_To_Plan_Is_Refused_Naming_The_Folder(string name, byte[] archive)
    {
        using var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue(UsyncArchive.ContentType);

        using var response = await _http.PostAsync(Api + "plan", content);

        var text = await HostileJson.AssertRefusedAsync(response, name);
        Assert.Contains("\"member\":\"folder\"", text, StringComparison.Ordinal);
        Assert.Empty(UnpackedFolders());
    }

    [Theory]
    [MemberData(nameof(HostileArchives))]
    public async Task A_Hostile_Archive_To_Apply_Is_Refused_Writing_Nothing(string name, byte[] archive)
    {
        var before = await site.StateAsync();

        using var response = await _http.PostAsync(Api + "apply", Form(Encoding.UTF8.GetBytes(EmptyPlan), archive));

        var text = await HostileJson.AssertRefusedAsync(response, name);
        Assert.Contains("\"member\":\"folder\"", text, StringComparison.Ordinal);
        Assert.Equal(before, await site.StateAsync());
        Assert.Empty(UnpackedFolders());
    }

    public static TheoryData<string, byte[], string> HostilePlans()
    {
        var data = new TheoryData<string, byte[], string>();
        HostileJson.AddCommon(data, EmptyPlan.Replace("\"target\": \"\"", "\"target\": \"PLACEHOLDER\"", StringComparison.Ordinal), "PLACEHOLDER", "changes");
        data.Add("an older format", Encoding.UTF8.GetBytes(EmptyPlan.Replace("\"format\": 2", "\"format\": 1", StringComparison.Ordinal)), "application/json");
        data.Add("changes null", Encoding.UTF8.GetBytes(EmptyPlan.Replace("\"changes\": []", "\"changes\": null", StringComparison.Ordinal)), "application/json");
        data.Add("a change of an unknown action", Encoding.UTF8.GetBytes(EmptyPlan.Replace("\"changes\": []",
            "\"changes\": [{\"itemType\":\"content\",\"key\":\"00000000-0000-0000-0000-000000000001\",\"alias\":\"x\",\"action\":\"explode\",\"file\":\"Content/x.config\",\"details\":[]}]", StringComparison.Ordinal)), "application/json");
        data.Add("a change without its file", Encoding.UTF8.GetBytes(EmptyPlan.Replace("\"changes\": []",
            "\"changes\": [{\"itemType\":\"content\",\"key\":\"00000000-0000-0000-0000-000000000001\",\"alias\":\"x\",\"action\":\"delete\",\"details\":[]}]", StringComparison.Ordinal)), "application/json");
        data.Add("a key that is not a GUID", Encoding.UTF8.GetBytes(EmptyPlan.Replace("\"changes\": []",
            "\"changes\": [{\"itemType\":\"content\",\"key\":\"not-a-guid\",\"alias\":\"x\",\"action\":\"delete\",\"file\":\"Content/x.config\",\"details\":[]}]", StringComparison.Ordinal)), "application/json");
        return data;
    }

    [Theory]
    [MemberData(nameof(HostilePlans))]
    public async Task A_Hostile_Plan_Is_Refused_Naming_The_Plan_And_Writing_Nothing(string name, byte[] plan, string contentType)
    {
        _ = contentType;
        var before = await site.StateAsync();

        using var response = await _http.PostAsync(Api + "apply", Form(plan, RepositoryFolder()));

        var text = await HostileJson.AssertRefusedAsync(response, name);
        Assert.Contains("\"member\":\"plan\"", text, StringComparison.Ordinal);
        Assert.Equal(before, await site.StateAsync());
        Assert.Empty(UnpackedFolders());
    }

    public static TheoryData<string, byte[], string> HostileManifests()
    {
        var hash = new string('a', 64);
        var data = new TheoryData<string, byte[], string>();
        HostileJson.AddCommon(data, $"{{\"files\":{{\"Content/PLACEHOLDER.config\":\"{hash}\"}}}}", "PLACEHOLDER", "files");
        void Add(string name, string json) => data.Add(name, Encoding.UTF8.GetBytes(json), "application/json");
        Add("files null", "{\"files\":null}");
        Add("files a list", $"[\"Content/a.config\"]");
        Add("files a list in the object", $"{{\"files\":[\"Content/a.config\"]}}");
        Add("a hash that is a number", "{\"files\":{\"Content/a.config\":42}}");
        Add("a hash that is null", "{\"files\":{\"Content/a.config\":null}}");
        Add("a hash too short", "{\"files\":{\"Content/a.config\":\"abc\"}}");
        Add("a hash in capitals", $"{{\"files\":{{\"Content/a.config\":\"{hash.ToUpperInvariant()}\"}}}}");
        Add("a hash that is not hex", $"{{\"files\":{{\"Content/a.config\":\"{new string('z', 64)}\"}}}}");
        Add("the marker listed", $"{{\"files\":{{\"usync.config\":\"{hash}\"}}}}");
        Add("a path twice, in other capitals", $"{{\"files\":{{\"Content/a.config\":\"{hash}\",\"content/A.config\":\"{hash}\"}}}}");
        foreach (var path in new[] { "../escape.config", "Content/../../escape.config", "/etc/escape.config", "C:/escape.config", "Other/a.config", "Content/a.txt", "a.config", "Content//a.config", "Content/" + new string('a', 500) + ".config" })
        {
            Add($"a path {path[..Math.Min(path.Length, 40)]}", $"{{\"files\":{{\"{path}\":\"{hash}\"}}}}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostileManifests))]
    public async Task A_Hostile_Manifest_To_Plan_Is_Refused_Naming_The_Manifest(string name, byte[] manifest, string contentType)
    {
        _ = contentType;

        using var response = await _http.PostAsync(Api + "plan", new MultipartFormDataContent
        {
            { new ByteArrayContent(manifest), "manifest", "manifest.json" },
            { new ByteArrayContent(Zip(("usync.config", "<uSync />"))), "folder", "folder.zip" },
        });

        var text = await HostileJson.AssertRefusedAsync(response, name);
        Assert.Contains("\"member\":\"manifest\"", text, StringComparison.Ordinal);
        Assert.Empty(UnpackedFolders());
    }

    [Fact]
    public async Task Requests_Of_The_Wrong_Shape_Are_Refused_With_A_Problem()
    {
        using var json = await _http.PostAsync(Api + "plan", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var notAForm = await _http.PostAsync(Api + "apply", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var noPlan = await _http.PostAsync(Api + "apply", new MultipartFormDataContent { { new ByteArrayContent(RepositoryFolder()), "folder", "folder.zip" } });
        using var noFolder = await _http.PostAsync(Api + "apply", new MultipartFormDataContent { { new StringContent(EmptyPlan), "plan", "plan.json" } });
        using var anonymous = await site.CreateClient().PostAsync(Api + "plan", new ByteArrayContent(RepositoryFolder()));
        using var noManifest = await _http.PostAsync(Api + "plan", new MultipartFormDataContent { { new ByteArrayContent(RepositoryFolder()), "folder", "folder.zip" } });
        using var manifestNoFolder = await _http.PostAsync(Api + "plan", new MultipartFormDataContent { { new StringContent("{\"files\":{}}"), "manifest", "manifest.json" } });
        using var partialNotABool = await _http.PostAsync(Api + "apply", new MultipartFormDataContent
        {
            { new StringContent(EmptyPlan), "plan", "plan.json" },
            { new ByteArrayContent(RepositoryFolder()), "folder", "folder.zip" },
            { new StringContent("yes"), "partial" },
        });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notAForm.StatusCode);
        Assert.Contains("\"member\":\"plan\"", await HostileJson.AssertRefusedAsync(noPlan, "no plan"), StringComparison.Ordinal);
        Assert.Contains("\"member\":\"folder\"", await HostileJson.AssertRefusedAsync(noFolder, "no folder"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("\"member\":\"manifest\"", await HostileJson.AssertRefusedAsync(noManifest, "no manifest"), StringComparison.Ordinal);
        Assert.Contains("\"member\":\"folder\"", await HostileJson.AssertRefusedAsync(manifestNoFolder, "a manifest and no folder"), StringComparison.Ordinal);
        Assert.Contains("\"member\":\"partial\"", await HostileJson.AssertRefusedAsync(partialNotABool, "partial not true or false"), StringComparison.Ordinal);
    }

    /// <summary>A plan with no changes, of the current format, made against nothing in particular.</summary>
    private static string EmptyPlan { get; } = new UsyncPlan(UsyncPlan.CurrentFormat, "", "", new string('0', 64), new Dictionary<string, string>(), DateTime.UnixEpoch, []).ToJson();

    private static MultipartFormDataContent Form(byte[] plan, byte[] folder) => new()
    {
        { new ByteArrayContent(plan), "plan", "plan.json" },
        { new ByteArrayContent(folder), "folder", "folder.zip" },
    };

    private static byte[] RepositoryFolder()
    {
        using var zip = new MemoryStream();
        UsyncArchive.Pack(HubSite.RepositoryUsyncFolder, zip);
        return zip.ToArray();
    }

    private static byte[] Zip(params (string Path, string Text)[] files)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in files)
            {
                using var entry = zip.CreateEntry(path).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return stream.ToArray();
    }

    private IEnumerable<string> UnpackedFolders()
    {
        var folder = Path.Combine(site.DataFolder, "TEMP", "IcssiCms", "usync");
        return Directory.Exists(folder) ? Directory.EnumerateFileSystemEntries(folder) : [];
    }
}
