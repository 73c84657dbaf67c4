using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IcssiCms.EmbeddedHost.Usync;
using IcssiCms.IntegrationTests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace IcssiCms.IntegrationTests.Registrations;

/// <summary>Registration tests start hosts of their own: one at a time, not beside the other test classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RegistrationsCollection
{
    public const string Name = "Registrations";
}

/// <summary>
/// The embedded host on its own temporary store, with a copy of the hub's uSync folder in which some events have a
/// capacity, the Forms API key and the staff key set, form tokens and rate limits out of the way.
/// </summary>
public sealed class RegistrationHost : IAsyncDisposable
{
    public const string FormsApiKey = "forms-key-for-tests";
    public const string StaffApiKey = "staff-key-for-tests";

    public static readonly Guid RegistrationForm = Guid.Parse("0c3e8f0a-6a35-4f0e-9d3b-2a1e5c7b9d41");
    public static readonly Guid SocialEvent = Guid.Parse("ae334d44-83fc-5558-b117-e1dad3fc4275");
    public static readonly Guid Conference = Guid.Parse("c7da7b3f-0469-5b99-86fc-1c81d44d5732");
    public static readonly Guid IraqSession = Guid.Parse("a316e3c4-4e57-5bb7-91ba-d25f57c89ecc");

    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    private readonly EmbeddedHostFactory _factory;

    private readonly bool _ownsFolder;

    private RegistrationHost(TemporaryFolder folder, bool ownsFolder, EmbeddedHostFactory factory, WebApplicationFactory<Program> app)
    {
        Folder = folder;
        _ownsFolder = ownsFolder;
        _factory = factory;
        App = app;
        Client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    public TemporaryFolder Folder { get; }

    public WebApplicationFactory<Program> App { get; }

    public HttpClient Client { get; }

    public string DatabaseFile => _factory.DatabaseFile;

    public string MailFolder => _factory.MailFolder;

    public string LogFolder => _factory.LogFolder;

    /// <summary>The settings every registration host runs with (besides the test factory's own).</summary>
    public static Dictionary<string, string> BaseSettings(string usyncFolder) => new()
    {
        ["Umbraco:Forms:Security:FormsApiKey"] = FormsApiKey,
        ["IcssiCms:Registrations:StaffApiKey"] = StaffApiKey,
        ["IcssiCms:Registrations:Abuse:RequireFormToken"] = "false",
        ["IcssiCms:Registrations:Abuse:MinimumTimeToSubmit"] = "00:00:00",
        ["IcssiCms:Registrations:Abuse:PerIpPermitLimit"] = "1000000",
        ["IcssiCms:Registrations:Abuse:PerFormPermitLimit"] = "1000000",
        ["uSync:Settings:RootFolder"] = usyncFolder,
    };

    /// <summary>A copy of the hub's uSync folder in <paramref name="folder"/>, with the given capacities set on the events.</summary>
    public static string UsyncWithCapacities(TemporaryFolder folder, IReadOnlyDictionary<Guid, int> capacities)
    {
        var usync = Path.Combine(folder.Path, "uSync");
        if (!Directory.Exists(usync))
        {
            folder.CopyOf(EmbeddedHostFactory.HubUsyncFolder, "uSync");
        }

        SetCapacities(usync, capacities);
        return usync;
    }

    /// <summary>Sets (or replaces) the <c>capacity</c> property of each event's content file.</summary>
    public static void SetCapacities(string usync, IReadOnlyDictionary<Guid, int> capacities)
    {
        foreach (var (key, capacity) in capacities)
        {
            var file = Directory.EnumerateFiles(Path.Combine(usync, "Content"), "*.config")
                .Single(f => File.ReadAllText(f).Contains($"Key=\"{key}\"", StringComparison.OrdinalIgnoreCase));
            var text = Regex.Replace(File.ReadAllText(file), @"\s*<capacity>.*?</capacity>", string.Empty, RegexOptions.Singleline);
            text = text.Replace(
                "<Properties>",
                $"<Properties>\n    <capacity>\n      <Value><![CDATA[{capacity}]]></Value>\n    </capacity>",
                StringComparison.Ordinal);
            File.WriteAllText(file, text);
        }
    }

    /// <summary>Starts a host (or restarts one on the same folder) and waits for its startup import.</summary>
    public static async Task<RegistrationHost> StartAsync(
        IReadOnlyDictionary<Guid, int> capacities,
        IReadOnlyDictionary<string, string>? settings = null,
        Action<IWebHostBuilder>? configure = null,
        TemporaryFolder? folder = null)
    {
        var ownsFolder = folder is null;
        folder ??= new TemporaryFolder();
        var usync = UsyncWithCapacities(folder, capacities);
        var factory = new EmbeddedHostFactory(folder.Path, usync);
        var all = BaseSettings(usync);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var app = factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in all)
            {
                builder.UseSetting(key, value);
            }

            configure?.Invoke(builder);
        });
        var host = new RegistrationHost(folder, ownsFolder, factory, app);
        var import = await app.Services.GetRequiredService<ImportStatus>().Completion;
        Assert.True(import is null || import.Succeeded, "The startup import failed.");
        return host;
    }

    /// <summary>An entry for the ICSSI Conference 2014 registration form.</summary>
    public static object Entry(string email, string name, IEnumerable<Guid> events, string culture = "en-US") => new
    {
        values = new Dictionary<string, object>
        {
            ["name"] = name,
            ["email"] = email,
            ["country"] = "Norway",
            ["organisation"] = "Test organisation",
            ["role"] = "activist",
            ["attend"] = events.Select(e => e.ToString()).ToArray(),
            ["schengenVisa"] = "no",
            ["consent"] = "true",
        },
        culture,
    };

    public static HttpRequestMessage EntryRequest(string email, string name, IEnumerable<Guid> events, string culture = "en-US")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/umbraco/forms/delivery/api/v1/entries/{RegistrationForm}")
        {
            Content = JsonContent.Create(Entry(email, name, events, culture)),
        };
        request.Headers.Add("Api-Key", FormsApiKey);
        return request;
    }

    /// <summary>Signs a person up; asserts 202 and returns each chosen event's status (placed or waitlisted).</summary>
    public async Task<Dictionary<Guid, string>> SignUpAsync(string email, string name, Guid[] events, string culture = "en-US")
    {
        using var response = await Client.SendAsync(EntryRequest(email, name, events, culture));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Sign-up answered {(int)response.StatusCode}: {body}");
        return PlacesOf(body);
    }

    public static Dictionary<Guid, string> PlacesOf(string acceptedBody)
    {
        var accepted = JsonSerializer.Deserialize<Accepted>(acceptedBody, Json)!;
        return accepted.Places.ToDictionary(p => p.Id, p => p.Status);
    }

    public HttpRequestMessage Staff(HttpMethod method, string path, object? body = null, string? key = StaffApiKey)
    {
        var request = new HttpRequestMessage(method, "/api/icssi/staff" + path);
        if (key is not null)
        {
            request.Headers.Add("Api-Key", key);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public Task<List<StaffRow>> StaffListAsync(Guid? eventId = null, string? status = null) => StaffListAsync(Client, eventId, status);

    public static async Task<List<StaffRow>> StaffListAsync(HttpClient client, Guid? eventId = null, string? status = null)
    {
        var query = new List<string>();
        if (eventId is { } id)
        {
            query.Add($"eventId={id}");
        }

        if (status is not null)
        {
            query.Add($"status={status}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/icssi/staff/registrations" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty));
        request.Headers.Add("Api-Key", StaffApiKey);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<StaffRow>>(Json))!;
    }

    public Task<Places> PlacesAsync(Guid eventId) => PlacesAsync(Client, eventId);

    public static async Task<Places> PlacesAsync(HttpClient client, Guid eventId) =>
        (await client.GetFromJsonAsync<Places>($"/api/icssi/events/{eventId}/places", Json))!;

    /// <summary>Posts a link's token to the confirm or cancel endpoint.</summary>
    public async Task<(HttpStatusCode Status, LinkAnswer? Answer)> PostLinkAsync(string action, string token)
    {
        using var response = await Client.PostAsJsonAsync($"/api/icssi/registrations/{action}", new { token });
        return (response.StatusCode, response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<LinkAnswer>(Json) : null);
    }

    /// <summary>Waits until a condition on the host's state holds, re-checking until the deadline.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> holds, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (holds(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }

    public Task<MimeMessage> WaitForMailAsync(string to, Func<MimeMessage, bool>? match = null) => MailFolderWatch.WaitForAsync(MailFolder, to, match);

    public IReadOnlyList<MimeMessage> MailsTo(string to) => MailFolderWatch.MailsTo(MailFolder, to);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        if (_ownsFolder)
        {
            Folder.Dispose();
        }
    }

    public sealed record Accepted(List<PlaceItem> Places);

    public sealed record PlaceItem(Guid Id, string Name, string Status);

    public sealed record EventRef(Guid Id, string Name);

    public sealed record StaffRow(
        Guid Id, EventRef Event, string Name, string Email, string Culture, string Status, long Position,
        DateTime CreatedAt, DateTime UpdatedAt, DateTime? EmailConfirmedAt);

    public sealed record Places(Guid Id, int? Capacity, int Held, int? Available, int Waitlisted);

    public sealed record LinkAnswer(string Outcome, string Status, EventRef Event);
}

/// <summary>The .eml files in a pickup folder: read, and waited for with a watcher and a deadline.</summary>
public static class MailFolderWatch
{
    public static IReadOnlyList<MimeMessage> MailsTo(string folder, string to)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*.eml")
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    public static async Task<MimeMessage> WaitForAsync(string folder, string to, Func<MimeMessage, bool>? match = null, TimeSpan? timeout = null)
    {
        Directory.CreateDirectory(folder);
        using var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(folder, "*.eml") { EnableRaisingEvents = true };
        watcher.Created += (_, _) => changed.Release();
        watcher.Renamed += (_, _) => changed.Release();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (MailsTo(folder, to).FirstOrDefault(m => match?.Invoke(m) ?? true) is { } found)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                Assert.Fail($"No matching e-mail to {to} in the pickup folder in time.");
            }

            // The watcher wakes us; the re-check also covers a file renamed into place before the watcher started.
            await changed.WaitAsync(left < TimeSpan.FromMilliseconds(500) ? left : TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>The confirm or cancel link of a registration e-mail (from its plain-text part).</summary>
    public static Uri Link(MimeMessage message, string action)
    {
        var match = Regex.Match(message.TextBody ?? string.Empty, $@"https?://\S+/registrations/{action}\?token=\S+");
        Assert.True(match.Success, $"The e-mail has no {action} link.");
        return new Uri(match.Value);
    }

    /// <summary>The token of a confirm or cancel link, unescaped.</summary>
    public static string Token(MimeMessage message, string action) =>
        Uri.UnescapeDataString(Link(message, action).Query.Split("token=", 2)[1]);
}
