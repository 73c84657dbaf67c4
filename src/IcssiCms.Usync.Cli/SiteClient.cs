using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IcssiCms.Usync.Planning;
using IcssiCms.Usync.Transfer;

namespace IcssiCms.Usync.Cli;

/// <summary>A problem of the folder the site found, with its file and line.</summary>
internal sealed record SiteProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>What the site answered a plan: the plan, or the folder's problems.</summary>
internal sealed record SitePlanAnswer(UsyncPlan? Plan, IReadOnlyList<SiteProblem> Problems);

/// <summary>What the site answered an apply: its outcome (Applied, DestructiveRefused, FolderChanged, SiteChanged, Invalid) and why.</summary>
internal sealed record SiteApplyAnswer(string Outcome, IReadOnlyList<string> Reasons, IReadOnlyList<SiteProblem> Problems, int Changes, long ElapsedMilliseconds, IReadOnlyList<string>? Missing);

/// <summary>
/// The hub's Umbraco site, as the command line talks to it: the plugin's uSync endpoints of the Management API, as an
/// Umbraco API user. The access token comes from Umbraco's token endpoint by the client credentials flow; the secret is
/// read from the environment, never from the command line (which other users of the machine and CI logs can see).
/// </summary>
internal sealed class SiteClient : IDisposable
{
    public const string SecretVariable = "USYNC_CLIENT_SECRET";
    public const string ClientIdVariable = "USYNC_CLIENT_ID";
    public const string SiteVariable = "USYNC_SITE";

    private const string ApiPath = "umbraco/management/api/v1/icssi/usync/";
    private const string TokenPath = "umbraco/management/api/v1/security/back-office/token";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // How many times the site may ask for more of the folder: once normally, again if the site changed in between.
    private const int MaxRounds = 3;

    private readonly HttpClient _http;

    private SiteClient(HttpClient http, Uri site)
    {
        _http = http;
        Site = site;
    }

    public Uri Site { get; }

    /// <summary>Signs in to the site as the API user; a refusal, or a site that does not answer, is a <see cref="CommandException"/>.</summary>
    public static async Task<SiteClient> ConnectAsync(string site, string? clientId, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(site.EndsWith('/') ? site : site + "/", UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new CommandException($"'{site}' is not the address of a site (http:// or https://).");
        }

        clientId ??= Environment.GetEnvironmentVariable(ClientIdVariable);
        var secret = Environment.GetEnvironmentVariable(SecretVariable);
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
        {
            throw new CommandException(
                $"No client credentials: give the API user's client id (--client-id or {ClientIdVariable}) and its secret in {SecretVariable}. " +
                "Create them in the back office: Users → create an API user in a group with the Settings section → Client credentials.");
        }

        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(30) };
        try
        {
            using var response = await SendAsync(http, new HttpRequestMessage(HttpMethod.Post, TokenPath)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = clientId,
                    ["client_secret"] = secret,
                }),
            }, address, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new CommandException(
                    $"{address} refused the client credentials of '{clientId}' ({(int)response.StatusCode}): check the client id, the secret in {SecretVariable}, and that the API user is enabled.");
            }

            var token = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (token.ValueKind != JsonValueKind.Object || !token.TryGetProperty("access_token", out var accessToken) || accessToken.GetString() is not { Length: > 0 } value)
            {
                throw new CommandException($"{address} answered the token request without an access token: is it an Umbraco site?");
            }

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", value);
            return new SiteClient(http, address);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends the folder's manifest (every file's hash) and, zipped, only the files the site asks for (it holds the rest as
    /// they are), and reads back the plan or the folder's problems.
    /// </summary>
    public async Task<SitePlanAnswer> PlanAsync(string folder, UsyncManifest manifest, CancellationToken cancellationToken)
    {
        var send = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; ; round++)
        {
            using var form = new MultipartFormDataContent();
            var manifestPart = new StringContent(manifest.ToJson());
            manifestPart.Headers.ContentType = new MediaTypeHeaderValue(UsyncManifest.ContentType);
            form.Add(manifestPart, "manifest", "manifest.json");
            form.Add(ZipPart(folder, send), "folder", "folder.zip");

            using var response = await SendAsync(_http, new HttpRequestMessage(HttpMethod.Post, ApiPath + "plan") { Content = form }, Site, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.UnprocessableEntity && ProblemsOf(body) is { Count: > 0 } problems)
            {
                return new SitePlanAnswer(null, problems);
            }

            if (response.StatusCode == HttpStatusCode.Conflict && MissingOf(body) is { Count: > 0 } missing && round < MaxRounds)
            {
                send.UnionWith(missing.Where(manifest.Files.ContainsKey));
                continue;
            }

            Ensure(response, body);
            var (plan, problem) = UsyncPlan.FromJson(body);
            return plan is null
                ? throw new CommandException($"{Site} answered the plan with something that is not one: {problem}.")
                : new SitePlanAnswer(plan with { Folder = Path.GetFullPath(folder), FileHashes = manifest.Files }, []);
        }
    }

    /// <summary>
    /// Sends the plan and, zipped, the files of its changes (and any other the site asks for: it holds the rest as the
    /// plan lists them); the site applies exactly the plan, or nothing, and says which. A folder whose files are no longer
    /// those the plan lists is refused here, before anything is sent.
    /// </summary>
    public async Task<SiteApplyAnswer> ApplyAsync(UsyncPlan plan, string folder, UsyncManifest manifest, bool allowDestructive, CancellationToken cancellationToken)
    {
        var changed = plan.FolderChangesSince(manifest.Files);
        if (changed.Count > 0)
        {
            return new SiteApplyAnswer("FolderChanged", changed, [], plan.Changes.Count, 0, []);
        }

        var send = plan.Changes.Select(c => c.File).Where(manifest.Files.ContainsKey).ToHashSet(StringComparer.Ordinal);
        for (var round = 0; ; round++)
        {
            using var form = new MultipartFormDataContent();
            var planPart = new StringContent(plan.ToJson());
            planPart.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(planPart, "plan", "plan.json");
            form.Add(ZipPart(folder, send), "folder", "folder.zip");
            form.Add(new StringContent("true"), "partial");

            var path = ApiPath + "apply" + (allowDestructive ? "?allowDestructive=true" : "");
            using var response = await SendAsync(_http, new HttpRequestMessage(HttpMethod.Post, path) { Content = form }, Site, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if ((response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity) &&
                TryRead<SiteApplyAnswer>(body) is { Outcome: not null } answer)
            {
                if (answer.Outcome == "FilesMissing" && answer.Missing is { Count: > 0 } missing && round < MaxRounds)
                {
                    send.UnionWith(missing.Where(manifest.Files.ContainsKey));
                    continue;
                }

                return answer;
            }

            Ensure(response, body);
            throw new CommandException($"{Site} answered the apply with something that is not an outcome.");
        }
    }

    /// <summary>The site's files, as an export writes them.</summary>
    public async Task<IReadOnlyList<UsyncArchiveEntry>> ExportAsync(bool content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(_http, new HttpRequestMessage(HttpMethod.Get, ApiPath + "export" + (content ? "?content=true" : "")), Site, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Ensure(response, await response.Content.ReadAsStringAsync(cancellationToken));
        }

        await using var zip = new MemoryStream(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        try
        {
            return UsyncArchive.Read(zip, UsyncArchiveLimits.Default);
        }
        catch (UsyncArchiveException ex)
        {
            throw new CommandException($"{Site} answered the export with an archive this tool cannot use: {ex.Message}.");
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Every item file of the folder with its hash, read on the thread pool: the command signs in meanwhile.</summary>
    public static Task<UsyncManifest> ReadManifestAsync(string folder) =>
        Task.Run(() => Directory.Exists(folder) ? UsyncManifest.Of(folder) : throw new CommandException($"The folder {folder} does not exist."));

    /// <summary>The marker and these files of the folder, zipped.</summary>
    private static ByteArrayContent ZipPart(string folder, IReadOnlySet<string> files)
    {
        using var zip = new MemoryStream();
        var marker = Path.Combine(folder, UsyncFolderReader.MarkerFile);
        UsyncArchive.Pack(
            (File.Exists(marker) ? [new UsyncArchiveEntry(UsyncFolderReader.MarkerFile, File.ReadAllBytes(marker))] : Array.Empty<UsyncArchiveEntry>())
                .Concat(files.Order(StringComparer.Ordinal).Select(path => new UsyncArchiveEntry(path, File.ReadAllBytes(Path.Combine(folder, path))))),
            zip);
        var part = new ByteArrayContent(zip.ToArray());
        part.Headers.ContentType = new MediaTypeHeaderValue(UsyncArchive.ContentType);
        return part;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, Uri site, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new CommandException($"{site} did not answer: {ex.Message}");
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CommandException($"{site} did not answer in time: {ex.Message}");
        }
    }

    /// <summary>Any answer but a success is the site's refusal, said as the site said it.</summary>
    private void Ensure(HttpResponseMessage response, string body)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = TryRead<JsonElement>(body) is { ValueKind: JsonValueKind.Object } problem && problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
        throw new CommandException(response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => $"{Site} refused the access token (401): sign in again.",
            HttpStatusCode.Forbidden => $"{Site} refused the API user (403): its user group needs access to the Settings section.",
            HttpStatusCode.NotFound => $"{Site} has no uSync endpoints (404): is it the hub's Umbraco site, with the IcssiCms plugin?",
            _ => $"{Site} answered {(int)response.StatusCode} {response.ReasonPhrase}{(detail is null ? "" : ": " + detail)}",
        });
    }

    private static List<string>? MissingOf(string body) =>
        TryRead<JsonElement>(body) is { ValueKind: JsonValueKind.Object } problem && problem.TryGetProperty("missing", out var missing) && missing.ValueKind == JsonValueKind.Array
            ? missing.Deserialize<List<string>>(Json)
            : null;

    private static List<SiteProblem>? ProblemsOf(string body) =>
        TryRead<JsonElement>(body) is { ValueKind: JsonValueKind.Object } problem && problem.TryGetProperty("problems", out var problems)
            ? problems.Deserialize<List<SiteProblem>>(Json)
            : null;

    private static T? TryRead<T>(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Json);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
