using IcssiCms.Web.IntegrationTests.Hosting;

namespace IcssiCms.Web.IntegrationTests.Editing;

/// <summary>The editors' journey through Umbraco's back office: a site of its own, on Kestrel, for a browser.</summary>
[CollectionDefinition(Name)]
public sealed class EditingSiteCollection : ICollectionFixture<EditingSite>
{
    public const string Name = "Editing in the back office";
}

/// <summary>
/// A seeded site on Kestrel with the editor named in configuration (<see cref="HubSite.EditorEmail"/>). Its scheduled
/// publishing job is due every second, so that a test running Umbraco's distributed jobs (which stay idle here, see
/// <see cref="HubSite"/>) carries out a schedule within a second of its time rather than a minute.
/// </summary>
public sealed class EditingSite() : KestrelHubSite(_ => new Dictionary<string, string?>(ConfiguredEditor)
{
    ["Umbraco:CMS:ScheduledPublishing:Period"] = "00:00:01",
});
