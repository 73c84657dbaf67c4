namespace IcssiCms.Web.IntegrationTests.Hosting;

/// <summary>The tests that change the site (content, its uSync folder): a site of their own, apart from the seeded one.</summary>
[CollectionDefinition(Name)]
public sealed class ChangingSiteCollection : ICollectionFixture<ChangingSite>
{
    public const string Name = "Changing site";
}

/// <summary>
/// A site seeded like the other, whose content, uSync folder and registrations tests change. It exports on save
/// (uSync's <c>ExportOnSave: All</c>), into its own copy of the folder, takes form entries from servers with
/// <see cref="FormsApiKey"/>, and from browsers at once after showing the form (no least time to fill it in), without
/// the rate limits (its tests send many entries, all from the test server's one address). Its outbox is due every tenth
/// of a second, for the test that runs it through Umbraco's distributed job service.
/// </summary>
public sealed class ChangingSite : HubSite
{
    public const string FormsApiKey = "forms-server-key-5d81";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["uSync:Settings:ExportOnSave"] = "All",
        ["Umbraco:Forms:Security:FormsApiKey"] = FormsApiKey,
        ["IcssiCms:Registrations:Abuse:MinimumTimeToSubmit"] = "00:00:00",
        ["IcssiCms:Registrations:Abuse:PerIpPermitLimit"] = "1000000",
        ["IcssiCms:Registrations:Abuse:PerFormPermitLimit"] = "1000000",
        ["IcssiCms:Registrations:OutboxInterval"] = "00:00:00.100",
    };
}
