using System.Net;
using AngleSharp.Html.Parser;
using IcssiCms.Core.Schema;
using IcssiCms.IntegrationTests.Delivery;
using IcssiCms.Store.Storage;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.IntegrationTests.BackOffice.Content;

[Collection(ContentEditingCollection.Name)]
public sealed class RecycleBinTests(ContentEditingHost host)
{
    private static readonly Guid FreedomOfExpression = Guid.Parse("64740a9d-7c7f-56e3-a87f-e94307f60cb7");

    [Fact]
    public async Task Moving_An_Item_To_The_Recycle_Bin_Takes_It_And_Its_Descendants_Out_Of_Delivery_And_Restore_Brings_Them_Back_As_Drafts()
    {
        using var client = await host.SignedInClientAsync();
        var admin = await host.AdministratorAsync();
        var child = await CreateNewsAsync(client, FreedomOfExpression, "Bin news " + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal(HttpStatusCode.OK, (await host.Api.SendAsync(DeliveryApiClient.ItemByIdUrl(FreedomOfExpression), HubCultures.English)).StatusCode);
        var edit = await client.GetStringAsync($"/umbraco/content/{FreedomOfExpression:D}");

        var trash = await client.PostAsync($"/umbraco/content/{FreedomOfExpression:D}?handler=Trash", Form(edit, "?handler=Trash"));

        Assert.Equal(HttpStatusCode.Redirect, trash.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.SendAsync(DeliveryApiClient.ItemByIdUrl(FreedomOfExpression), HubCultures.English)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/umbraco/content/{FreedomOfExpression:D}")).StatusCode);
        Assert.True(await host.WithStoreAsync(db => db.ContentNodes.AsNoTracking().Where(n => n.Key == FreedomOfExpression || n.Key == child).AllAsync(n => n.Trashed)));
        var tree = await client.GetStringAsync("/umbraco/content");
        Assert.DoesNotContain($"/umbraco/content/{FreedomOfExpression:D}\"", tree, StringComparison.Ordinal);
        var bin = await client.GetStringAsync("/umbraco/recycle-bin");
        Assert.Contains("<th scope=\"row\">Freedom of Expression</th>", bin, StringComparison.Ordinal);
        Assert.DoesNotContain("Bin news", bin, StringComparison.Ordinal);

        var restore = await client.PostAsync($"/umbraco/recycle-bin?handler=Restore&key={FreedomOfExpression:D}", Form(bin, $"key={FreedomOfExpression:D}"));

        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var nodes = await host.WithStoreAsync(db => db.ContentNodes.AsNoTracking().Include(n => n.Cultures).Where(n => n.Key == FreedomOfExpression || n.Key == child).ToListAsync());
        Assert.All(nodes, n => Assert.False(n.Trashed));
        Assert.All(nodes.SelectMany(n => n.Cultures), c => Assert.False(c.Published));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.SendAsync(DeliveryApiClient.ItemByIdUrl(FreedomOfExpression), HubCultures.English)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/umbraco/content/{FreedomOfExpression:D}")).StatusCode);
        var audit = await host.WithStoreAsync(db => db.BackOfficeAudit.AsNoTracking().Where(a => a.NodeKey == FreedomOfExpression && a.UserKey == admin.Key).Select(a => a.Action).ToListAsync());
        Assert.Contains(BackOfficeAuditActions.Trash, audit);
        Assert.Contains(BackOfficeAuditActions.Restore, audit);
        Assert.DoesNotContain("<th scope=\"row\">Freedom of Expression</th>", await client.GetStringAsync("/umbraco/recycle-bin"), StringComparison.Ordinal);
    }

    private static async Task<Guid> CreateNewsAsync(HttpClient client, Guid parent, string name)
    {
        var page = await client.GetStringAsync($"/umbraco/content/create?parent={parent:D}");
        var response = await client.PostAsync("/umbraco/content/create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page, "form"),
            ["parent"] = parent.ToString("D"),
            ["contentType"] = HubContentTypes.CampaignNews.Alias,
            ["name"] = name,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1]);
    }

    /// <summary>The antiforgery token of the form whose action contains the given text.</summary>
    private static FormUrlEncodedContent Form(string page, string action) =>
        new(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(page, $"form[action*='{action}']") });

    private static string Token(string page, string form) =>
        new HtmlParser().ParseDocument(page).QuerySelector($"{form} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
