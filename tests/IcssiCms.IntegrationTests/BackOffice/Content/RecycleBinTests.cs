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

    [Fact]
    public async Task An_Administrator_Empties_The_Recycle_Bin_After_Confirming_And_Its_Items_Descendants_Drafts_And_Schedules_Are_Gone()
    {
        using var client = await host.SignedInClientAsync();
        var admin = await host.AdministratorAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var campaign = await CreateAsync(client, Campaigns, HubContentTypes.Campaign.Alias, "Binned campaign " + suffix);
        var news = await CreateAsync(client, campaign, HubContentTypes.CampaignNews.Alias, "Binned news " + suffix);
        var save = await (await EditForm.GetAsync(client, news))
            .Set(EditForm.Value(HubContentTypes.CampaignNews.Headline, HubCultures.English), "A draft headline")
            .PostAsync(client, news, "Save");
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var edit = await client.GetStringAsync($"/umbraco/content/{news:D}");
        var schedule = await client.PostAsync($"/umbraco/content/{news:D}?handler=Schedule", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(edit, "form[action*='handler=Schedule']"),
            ["publishAt:" + HubCultures.English] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.Redirect, schedule.StatusCode);
        var campaignPage = await client.GetStringAsync($"/umbraco/content/{campaign:D}");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/umbraco/content/{campaign:D}?handler=Trash", Form(campaignPage, "?handler=Trash"))).StatusCode);

        using var editor = await EditorClientAsync();
        var editorsBin = await editor.GetStringAsync("/umbraco/recycle-bin");
        Assert.Contains($"Binned campaign {suffix}", editorsBin, StringComparison.Ordinal);
        Assert.DoesNotContain("Empty the recycle bin", editorsBin, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync("/umbraco/recycle-bin?handler=Empty", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(editorsBin, "form[action*='handler=Restore']"),
            ["confirmed"] = "true",
        }))).StatusCode);
        Assert.True(await host.WithStoreAsync(db => db.ContentNodes.AnyAsync(n => n.Key == news)));

        var bin = await client.GetStringAsync("/umbraco/recycle-bin");
        var ask = await client.PostAsync("/umbraco/recycle-bin?handler=Empty", Form(bin, "?handler=Empty"));
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        var confirmation = await ask.Content.ReadAsStringAsync();
        Assert.Matches(@"Delete \d+ items? for good\?", confirmation);
        Assert.True(await host.WithStoreAsync(db => db.ContentNodes.AnyAsync(n => n.Key == campaign)), "Asking for the confirmation deleted something.");

        var empty = await client.PostAsync("/umbraco/recycle-bin?handler=Empty", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(confirmation, "form[action*='handler=Empty']"),
            ["confirmed"] = "true",
        }));

        Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        Guid[] gone = [campaign, news];
        Assert.False(await host.WithStoreAsync(db => db.ContentNodes.AnyAsync(n => gone.Contains(n.Key))));
        Assert.False(await host.WithStoreAsync(db => db.ContentCultures.AnyAsync(c => gone.Contains(c.NodeKey))));
        Assert.False(await host.WithStoreAsync(db => db.PropertyValues.AnyAsync(v => gone.Contains(v.NodeKey))));
        Assert.False(await host.WithStoreAsync(db => db.ContentSchedules.AnyAsync(s => gone.Contains(s.NodeKey))));
        Assert.False(await host.WithStoreAsync(db => db.ContentNodes.AnyAsync(n => n.Trashed)));
        Assert.True(await host.WithStoreAsync(db => db.ContentNodes.AnyAsync(n => n.Key == Campaigns)));
        var deleted = await host.WithStoreAsync(db => db.BackOfficeAudit.AsNoTracking().SingleAsync(a => a.NodeKey == campaign && a.Action == BackOfficeAuditActions.Delete));
        Assert.Equal(admin.Key, deleted.UserKey);
        Assert.Contains("1 descendant", deleted.Detail, StringComparison.Ordinal);
        var after = await client.GetStringAsync("/umbraco/recycle-bin?status=emptied");
        Assert.Contains("The recycle bin was emptied", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"Binned campaign {suffix}", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/umbraco/content/{news:D}")).StatusCode);
    }

    [Fact]
    public async Task The_Recycle_Bin_Is_Not_Emptied_While_An_Item_Outside_It_Picks_One_In_It()
    {
        using var client = await host.SignedInClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var campaign = await CreateAsync(client, Campaigns, HubContentTypes.Campaign.Alias, "Picked campaign " + suffix);
        var news = await CreateNewsAsync(client, FreedomOfExpression, "Picking news " + suffix);
        var save = await (await EditForm.GetAsync(client, news))
            .Set(EditForm.Value(HubContentTypes.CampaignNews.Campaigns), campaign.ToString())
            .PostAsync(client, news, "Save");
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        await TrashAsync(client, campaign);

        var refused = await EmptyAsync(client);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"Picked campaign {suffix} is picked by Picking news {suffix} ({HubContentTypes.CampaignNews.Campaigns})", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await host.WithStoreAsync(db => db.ContentNodes.AnyAsync(n => n.Key == campaign && n.Trashed)));

        await TrashAsync(client, news);
        Assert.Equal(HttpStatusCode.Redirect, (await EmptyAsync(client)).StatusCode);
        Guid[] gone = [campaign, news];
        Assert.False(await host.WithStoreAsync(db => db.ContentNodes.AnyAsync(n => gone.Contains(n.Key))));
    }

    private static async Task TrashAsync(HttpClient client, Guid key)
    {
        var edit = await client.GetStringAsync($"/umbraco/content/{key:D}");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/umbraco/content/{key:D}?handler=Trash", Form(edit, "?handler=Trash"))).StatusCode);
    }

    private static async Task<HttpResponseMessage> EmptyAsync(HttpClient client)
    {
        var bin = await client.GetStringAsync("/umbraco/recycle-bin");
        return await client.PostAsync("/umbraco/recycle-bin?handler=Empty", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(bin, "form[action*='handler=Empty']"),
            ["confirmed"] = "true",
        }));
    }

    private static readonly Guid Campaigns = Guid.Parse("c7a746fd-2b71-5fb1-8c26-92c08af7768b");

    /// <summary>A client signed in as a new editor.</summary>
    private async Task<HttpClient> EditorClientAsync()
    {
        var email = $"bin-editor-{Guid.NewGuid():N}@icssi.invalid";
        const string password = "the bin editor's password";
        await host.WithStoreAsync(async db =>
        {
            var user = new BackOfficeUser
            {
                Key = Guid.NewGuid(), Name = "Bin Editor", Email = email, PasswordHash = string.Empty, Role = BackOfficeRoles.Editor, CreatedAt = DateTime.UtcNow,
            };
            user.PasswordHash = new Microsoft.AspNetCore.Identity.PasswordHasher<BackOfficeUser>().HashPassword(user, password);
            db.BackOfficeUsers.Add(user);
            return await db.SaveChangesAsync();
        });
        var client = host.Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        Assert.Equal(HttpStatusCode.Redirect, (await BackOfficeHost.SignInAsync(client, email, password)).StatusCode);
        return client;
    }

    private static async Task<Guid> CreateAsync(HttpClient client, Guid parent, string contentType, string name)
    {
        var page = await client.GetStringAsync($"/umbraco/content/create?parent={parent:D}");
        var response = await client.PostAsync("/umbraco/content/create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page, "form"),
            ["parent"] = parent.ToString("D"),
            ["contentType"] = contentType,
            ["name"] = name,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1]);
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
