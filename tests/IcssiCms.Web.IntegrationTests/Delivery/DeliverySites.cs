using System.Text;
using IcssiCms.Core.Schema;
using IcssiCms.Core.Usync.Importing;
using IcssiCms.Web.IntegrationTests.Hosting;

namespace IcssiCms.Web.IntegrationTests.Delivery;

/// <summary>
/// <c>PublicAccess</c> false with an <c>ApiKey</c>: only requests with that key in <c>Api-Key</c> get content. The output
/// cache is off too (Umbraco would cache the answers to requests with the key), for the tests of what it changes.
/// </summary>
public sealed class PrivateApiSite : HubSite
{
    public const string ApiKey = "front-end-key-7f3c";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Umbraco:CMS:DeliveryApi:PublicAccess"] = "false",
        ["Umbraco:CMS:DeliveryApi:ApiKey"] = ApiKey,
        ["Umbraco:CMS:DeliveryApi:OutputCache:Enabled"] = "false",
    };
}

[CollectionDefinition(Name)]
public sealed class PrivateApiSiteCollection : ICollectionFixture<PrivateApiSite>
{
    public const string Name = "Private Delivery API site";
}

/// <summary>
/// <c>Umbraco:CMS:DeliveryApi:Enabled</c> false, with an <c>ApiKey</c> that should not open it; and, in the same site
/// to save a boot, Umbraco Forms' delivery API off (<c>Umbraco:Forms:Options:EnableFormsApi</c>).
/// </summary>
public sealed class DisabledApiSite : HubSite
{
    public const string ApiKey = "front-end-key-9b21";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Umbraco:CMS:DeliveryApi:Enabled"] = "false",
        ["Umbraco:CMS:DeliveryApi:ApiKey"] = ApiKey,
        ["Umbraco:Forms:Options:EnableFormsApi"] = "false",
    };
}

[CollectionDefinition(Name)]
public sealed class DisabledApiSiteCollection : ICollectionFixture<DisabledApiSite>
{
    public const string Name = "Disabled Delivery API site";
}

/// <summary>
/// The public hub with the settings and content a few tests need, in one site to save boots; none of them touches
/// what another's tests read: an <c>ApiKey</c> for previews, partners kept out of the API
/// (<c>DisallowedContentTypeAliases</c>), rich text as JSON (<c>RichTextOutputAsJson</c>), a second site root,
/// "Second Hub", with a "Campaigns" page of its own, an hour as the least time to fill a form in
/// (<c>IcssiCms:Registrations:Abuse:MinimumTimeToSubmit</c>), five entries per address per ten minutes
/// (<c>PerIpPermitLimit</c>), counted for a server with <see cref="FormsApiKey"/> by its visitor's address, and
/// <see cref="PerFormLimit"/> entries per form an hour (<c>PerFormPermitLimit</c>). The registration form's entries are
/// left to the test of that limit: the other form tests send theirs to the campaign sign-up, well under the limit.
/// </summary>
public sealed class ConfiguredSite : HubSite
{
    public const string ApiKey = "preview-key-3a9d";
    public const string FormsApiKey = "forms-server-key-c2e7";
    public const int PerFormLimit = 30;

    public static readonly Guid SecondRoot = Guid.Parse("5e0c3d7a-1b2f-4c55-9a61-2d7f0e8b4c10");
    public static readonly Guid SecondCampaigns = Guid.Parse("8a4f2b19-6c3e-4d77-b5a0-91e2c7d3f604");

    public ConfiguredSite()
    {
        Write("Content/second-hub.config", Node(SecondRoot, "Second Hub", "الموقع الثاني", Guid.Empty, level: 1, HubContentTypes.HubHome.Alias, "/SecondHub"));
        Write("Content/campaigns_8a4f2b19.config", Node(SecondCampaigns, "Campaigns", "الحملات", SecondRoot, level: 2, HubContentTypes.CampaignList.Alias, "/SecondHub/Campaigns"));
    }

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Umbraco:CMS:DeliveryApi:ApiKey"] = ApiKey,
        ["Umbraco:CMS:DeliveryApi:DisallowedContentTypeAliases:0"] = HubContentTypes.Partner.Alias,
        ["Umbraco:CMS:DeliveryApi:RichTextOutputAsJson"] = "true",
        ["IcssiCms:Registrations:Abuse:MinimumTimeToSubmit"] = "01:00:00",
        ["IcssiCms:Registrations:Abuse:PerIpPermitLimit"] = "5",
        ["IcssiCms:Registrations:Abuse:PerFormPermitLimit"] = PerFormLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["IcssiCms:Registrations:Abuse:PerFormWindow"] = "01:00:00",
        ["Umbraco:Forms:Security:FormsApiKey"] = FormsApiKey,
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (StartupImport?.Outcome != UsyncImportOutcome.Imported)
        {
            var problems = string.Join("; ", StartupImport?.Problems.Select(p => $"{p.Source.File}:{p.Source.Line}: {p.Message}") ?? []);
            throw new InvalidOperationException($"The second site root was not imported: {StartupImport?.Outcome.ToString() ?? "no import"} {problems}");
        }
    }

    private void Write(string file, string xml) =>
        File.WriteAllText(Path.Combine(UsyncFolder, file), xml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

    private static string Node(Guid key, string english, string arabic, Guid parent, int level, string type, string path) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Content Key="{key}" Alias="{english}" Level="{level}">
          <Info>
            <Parent Key="{parent}"></Parent>
            <Path>{path}</Path>
            <Trashed>false</Trashed>
            <ContentType>{type}</ContentType>
            <CreateDate>2026-11-26T00:00:00</CreateDate>
            <NodeName Default="{english}">
              <Name Culture="ar">{arabic}</Name>
              <Name Culture="en-US">{english}</Name>
            </NodeName>
            <SortOrder>1</SortOrder>
            <Published Default="true">
              <Published Culture="ar">true</Published>
              <Published Culture="en-US">true</Published>
            </Published>
            <Schedule />
            <Template />
          </Info>
          <Properties>
            <title>
              <Value Culture="ar"><![CDATA[{arabic}]]></Value>
              <Value Culture="en-US"><![CDATA[{english}]]></Value>
            </title>
          </Properties>
        </Content>
        """;
}

[CollectionDefinition(Name)]
public sealed class ConfiguredSiteCollection : ICollectionFixture<ConfiguredSite>
{
    public const string Name = "Configured Delivery API site";
}
