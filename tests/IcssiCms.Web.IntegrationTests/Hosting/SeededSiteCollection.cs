namespace IcssiCms.Web.IntegrationTests.Hosting;

/// <summary>
/// The tests that only read: one site, seeded from the repository's uSync folder, for all of them. Umbraco keeps some
/// state in statics (its service provider, the data directory), so sites in this assembly never run side by side.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SeededSiteCollection : ICollectionFixture<HubSite>
{
    public const string Name = "Seeded site";
}
