using System.Net;
using AngleSharp.Html.Parser;
using IcssiCms.Core.Schema;
using IcssiCms.IntegrationTests.Delivery;
using IcssiCms.Store.Storage;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.IntegrationTests.BackOffice.Content;

[Collection(ContentEditingCollection.Name)]
public sealed class CreateContentTests(ContentEditingHost host)
{
    private static readonly Guid SaveTheTigris = SeedContent.Hub.Items.Single(i => i.ContentType == HubContentTypes.Campaign.Alias && i.Name(HubCultures.English) == "Save the Tigris").Key;

    [Fact]
    public async Task Creating_News_Under_A_Campaign_Makes_A_Draft_Last_Among_Its_Siblings_And_Opens_Its_Edit_Page()
    {
        using var client = await host.SignedInClientAsync();
        var admin = await host.AdministratorAsync();
        var edit = await client.GetStringAsync($"/umbraco/content/{SaveTheTigris:D}");
        Assert.Contains($"/umbraco/content/create?parent={SaveTheTigris:D}", edit, StringComparison.Ordinal);
        var page = await client.GetStringAsync($"/umbraco/content/create?parent={SaveTheTigris:D}");
        Assert.Contains($"""value="{HubContentTypes.CampaignNews.Alias}" """, page, StringComparison.Ordinal);
        var name = "Tigris walk " + Guid.NewGuid().ToString("N")[..6];

        var response = await PostAsync(client, page, SaveTheTigris, HubContentTypes.CampaignNews.Alias, name);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var key = Guid.Parse(location.Split('?')[0].Split('/')[^1]);
        var (node, parent, siblings, culture, audit) = await host.WithStoreAsync(async db => (
            await db.ContentNodes.AsNoTracking().SingleAsync(n => n.Key == key),
            await db.ContentNodes.AsNoTracking().SingleAsync(n => n.Key == SaveTheTigris),
            await db.ContentNodes.AsNoTracking().Where(n => n.ParentKey == SaveTheTigris && n.Key != key).Select(n => n.SortOrder).ToListAsync(),
            await db.ContentCultures.AsNoTracking().SingleAsync(c => c.NodeKey == key),
            await db.BackOfficeAudit.AsNoTracking().Where(a => a.NodeKey == key).ToListAsync()));
        Assert.Equal(HubContentTypes.CampaignNews.Alias, node.ContentTypeAlias);
        Assert.Equal(parent.Level + 1, node.Level);
        Assert.Equal($"{parent.Path},{key}", node.Path);
        Assert.True(siblings.All(s => s < node.SortOrder));
        Assert.False(node.Trashed);
        Assert.Equal(HubCultures.English, culture.Culture);
        Assert.Equal(name, culture.Name);
        Assert.Equal(SeedContent.Segment(name), culture.UrlSegment);
        Assert.False(culture.Published);
        Assert.Null(culture.Route);
        Assert.Equal(BackOfficeAuditActions.Create, Assert.Single(audit).Action);
        Assert.Equal(admin.Key, audit[0].UserKey);
        var opened = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("The item was created.", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.SendAsync(DeliveryApiClient.ItemByIdUrl(key), HubCultures.English)).StatusCode);
    }

    [Fact]
    public async Task A_Type_Not_Allowed_Below_The_Parent_Is_Refused()
    {
        using var client = await host.SignedInClientAsync();
        var page = await client.GetStringAsync($"/umbraco/content/create?parent={SaveTheTigris:D}");
        Assert.DoesNotContain($"""value="{HubContentTypes.Campaign.Alias}" """, page, StringComparison.Ordinal);
        var before = await host.WithStoreAsync(db => db.ContentNodes.CountAsync());

        var response = await PostAsync(client, page, SaveTheTigris, HubContentTypes.Campaign.Alias, "Not allowed here");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(before, await host.WithStoreAsync(db => db.ContentNodes.CountAsync()));
    }

    [Fact]
    public async Task The_Root_Offers_The_Types_Allowed_At_The_Root()
    {
        using var client = await host.SignedInClientAsync();

        var page = await client.GetStringAsync("/umbraco/content/create");

        Assert.Contains("Create an item at the root", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"""value="{HubContentTypes.CampaignNews.Alias}" """, page, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string page, Guid parent, string contentType, string name)
    {
        var token = new HtmlParser().ParseDocument(page).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return client.PostAsync("/umbraco/content/create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["parent"] = parent.ToString("D"),
            ["contentType"] = contentType,
            ["name"] = name,
        }));
    }
}
