using System.Net;
using System.Text;
using IcssiCms.EmbeddedHost.Usync;
using IcssiCms.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.IntegrationTests.Delivery;

/// <summary>The hub with a second site root, "Second Hub", which has a "Campaigns" page of its own.</summary>
public sealed class TwoRootsFixture : IAsyncLifetime
{
    public static readonly Guid SecondRoot = Guid.Parse("5e0c3d7a-1b2f-4c55-9a61-2d7f0e8b4c10");
    public static readonly Guid SecondCampaigns = Guid.Parse("8a4f2b19-6c3e-4d77-b5a0-91e2c7d3f604");

    private readonly TemporaryFolder _folder = new();
    private EmbeddedHostFactory _host = null!;

    public DeliveryApiClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var usync = _folder.CopyOf(EmbeddedHostFactory.HubUsyncFolder, "uSync");
        Write(usync, "Content/second-hub.config", Node(SecondRoot, "Second Hub", "الموقع الثاني", Guid.Empty, level: 1, "hubHome", "/SecondHub"));
        Write(usync, "Content/campaigns_8a4f2b19.config", Node(SecondCampaigns, "Campaigns", "الحملات", SecondRoot, level: 2, "campaignList", "/SecondHub/Campaigns"));

        _host = new EmbeddedHostFactory(_folder.Path, usync);
        await _host.Services.GetRequiredService<ImportStatus>().Completion;
        Api = new DeliveryApiClient(_host.CreateClient());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    private static void Write(string usync, string file, string xml) =>
        File.WriteAllText(Path.Combine(usync, file), xml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

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

[Collection(DeliveryApiCollection.Name)]
public sealed class StartItemTests(TwoRootsFixture hub) : IClassFixture<TwoRootsFixture>
{
    private static readonly Guid HubCampaigns = SeedContent.Hub.Named("Campaigns").Key;

    [Fact]
    public async Task Without_A_Start_Item_A_Route_Is_Found_Below_The_First_Root()
    {
        Assert.Equal(HubCampaigns, await CampaignsPageAsync(startItem: null));
    }

    [Theory]
    [InlineData("second-hub")]
    [InlineData("5e0c3d7a-1b2f-4c55-9a61-2d7f0e8b4c10")]
    public async Task A_Start_Item_By_Segment_Or_Key_Finds_The_Route_Below_That_Root(string startItem)
    {
        Assert.Equal(TwoRootsFixture.SecondCampaigns, await CampaignsPageAsync(startItem));
    }

    [Fact]
    public async Task A_Start_Item_That_Names_No_Root_Is_Ignored()
    {
        Assert.Equal(HubCampaigns, await CampaignsPageAsync("no-such-site"));
    }

    [Fact]
    public async Task Children_Of_A_Route_Follow_The_Start_Item()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, DeliveryApiClient.QueryUrl(("fetch", "children:/")));
        request.Headers.Add("Start-Item", "second-hub");
        using var response = await hub.Api.Http.SendAsync(request);
        var page = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(1, page.GetProperty("total").GetInt64());
        Assert.Equal(TwoRootsFixture.SecondCampaigns, page.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    private async Task<Guid> CampaignsPageAsync(string? startItem)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, DeliveryApiClient.ItemByPathUrl("/campaigns/"));
        if (startItem is not null)
        {
            request.Headers.Add("Start-Item", startItem);
        }

        using var response = await hub.Api.Http.SendAsync(request);
        var item = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);
        return item.GetProperty("id").GetGuid();
    }
}
