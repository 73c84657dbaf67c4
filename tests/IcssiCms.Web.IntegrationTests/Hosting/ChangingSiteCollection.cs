namespace IcssiCms.Web.IntegrationTests.Hosting;

/// <summary>The tests that change the site (content, its uSync folder): a site of their own, apart from the seeded one.</summary>
[CollectionDefinition(Name)]
public sealed class ChangingSiteCollection : ICollectionFixture<ChangingSite>
{
    public const string Name = "Changing site";
}

/// <summary>A site seeded like the other, whose content and uSync folder tests change.</summary>
public sealed class ChangingSite : HubSite;
