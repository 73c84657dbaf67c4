using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IcssiCms.Core.Registrations;
using IcssiCms.Web.IntegrationTests.Forms;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core;

namespace IcssiCms.Web.IntegrationTests.Registrations;

/// <summary>The back office's Registrations tests: a site of their own, on Kestrel, so that a browser can use it too.</summary>
[CollectionDefinition(Name)]
public sealed class RegistrationsSiteCollection : ICollectionFixture<RegistrationsSite>
{
    public const string Name = "Registrations back office";
}

/// <summary>
/// A seeded site on Kestrel (see <see cref="KestrelHubSite"/>), taking form entries from servers with
/// <see cref="FormsApiKey"/> without the least time to fill in or the rate limits; with helpers to sign people up, and
/// clients for an editor and an administrator (API users). Fixtures that need more settings derive from it.
/// </summary>
public class RegistrationsSite : KestrelHubSite
{
    public const string FormsApiKey = "forms-server-key-registrations-7c2e";

    private HttpClient? _editor;
    private HttpClient? _administrator;

    public RegistrationsSite()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>The site with more settings, which win over these.</summary>
    protected RegistrationsSite(IReadOnlyDictionary<string, string?> moreSettings)
        : base(address => new Dictionary<string, string?>
        {
            ["IcssiCms:Registrations:PublicBaseUrl"] = address.ToString(),
            ["Umbraco:Forms:Security:FormsApiKey"] = FormsApiKey,
            ["IcssiCms:Registrations:Abuse:MinimumTimeToSubmit"] = "00:00:00",
            ["IcssiCms:Registrations:Abuse:PerIpPermitLimit"] = "1000000",
            ["IcssiCms:Registrations:Abuse:PerFormPermitLimit"] = "1000000",
        }.Concat(moreSettings).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value))
    {
    }

    public RegistrationStore Store => Services.GetRequiredService<RegistrationStore>();

    public async Task<HttpClient> EditorAsync() => _editor ??= await ApiUsers.ClientInGroupAsync(this, Constants.Security.EditorGroupKey);

    public async Task<HttpClient> AdministratorAsync() => _administrator ??= await ApiUsers.ClientInGroupAsync(this, Constants.Security.AdminGroupKey);

    /// <summary>Signs a person up for events through the Forms API, as the visitors' site does; gives the places' statuses.</summary>
    public async Task<IReadOnlyList<string>> SignUpAsync(string name, string email, params Guid[] events)
    {
        using var http = CreateClient();
        http.DefaultRequestHeaders.Add("Api-Key", FormsApiKey);
        var entry = FormEntryTests.Entry(FormEntryTests.RegistrationValues(name, email, events));
        using var response = await http.PostAsync(
            $"{FormEntryTests.EntriesPath}/{HubFormKeys.Registration:D}", new StringContent(entry.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Sign-up refused: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["places"]!.AsArray().Select(p => p!["status"]!.GetValue<string>()).ToList();
    }

    public int HeldAt(Guid eventKey) => Store.HeldPlaces([eventKey])[eventKey];

    public override async ValueTask DisposeAsync()
    {
        _editor?.Dispose();
        _administrator?.Dispose();
        await base.DisposeAsync();
    }
}
