using System.Net;
using IcssiCms.Core.Publishing;
using IcssiCms.Core.Schema;
using IcssiCms.IntegrationTests.Delivery;
using IcssiCms.Store.Storage;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.IntegrationTests.BackOffice.Content;

[Collection(ContentEditingCollection.Name)]
public sealed class ContentEditingTests(ContentEditingHost host)
{
    private static readonly Guid CallForParticipants = Guid.Parse("42ff6675-093c-5e59-8a9a-9c08ce605986");
    private static readonly Guid Karibu = Guid.Parse("2a0ed431-1a36-5dd2-adeb-5482f537d8d0");
    private static readonly Guid Oslo = Guid.Parse("c7da7b3f-0469-5b99-86fc-1c81d44d5732");
    private static readonly Guid SaveTheTigris = SeedContent.Hub.Items.Single(i => i.ContentType == HubContentTypes.Campaign.Alias && i.Name(HubCultures.English) == "Save the Tigris").Key;

    [Fact]
    public async Task Content_Tree_Links_Every_Item_In_Nested_Lists()
    {
        using var client = await host.SignedInClientAsync();

        var html = await client.GetStringAsync("/umbraco/content");

        Assert.Contains($"""<a href="/umbraco/content/{CallForParticipants:D}">Call for International Participants</a>""", html, StringComparison.Ordinal);
        Assert.Contains("<ul>", html, StringComparison.Ordinal);
        Assert.Contains("""<nav aria-labelledby="content-tree-heading">""", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_Page_Has_A_Section_Per_Culture_Right_To_Left_For_Arabic_And_Kurdish()
    {
        using var client = await host.SignedInClientAsync();

        var form = await EditForm.GetAsync(client, CallForParticipants);

        Assert.Contains("""<section lang="ar" dir="rtl" """, form.Html, StringComparison.Ordinal);
        Assert.Contains("""<section lang="ckb" dir="rtl" """, form.Html, StringComparison.Ordinal);
        Assert.Contains("""<section lang="en-US" dir="ltr" """, form.Html, StringComparison.Ordinal);
        Assert.Contains("""<label for="value-headline-ar">""", form.Html, StringComparison.Ordinal);
        Assert.Contains("""type="datetime-local" id="value-publishDate" """, form.Html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{SaveTheTigris:D}\"", form.Html, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(form.Html, "id=\"value-campaigns\""));
        Assert.DoesNotContain("<script", form.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Publishing_A_New_Headline_In_English_And_Arabic_Is_Served_At_Once_And_Audited()
    {
        using var client = await host.SignedInClientAsync();
        var admin = await host.AdministratorAsync();
        var since = DateTime.UtcNow.AddSeconds(-1);
        var form = await EditForm.GetAsync(client, CallForParticipants);
        var english = "Oslo calls for participants " + Guid.NewGuid().ToString("N")[..6];
        var arabic = "أوسلو تدعو المشاركين " + Guid.NewGuid().ToString("N")[..6];
        await host.Api.ItemByIdAsync(CallForParticipants); // cached before the change

        var response = await form
            .Set(EditForm.Value(HubContentTypes.CampaignNews.Headline, HubCultures.English), english)
            .Set(EditForm.Value(HubContentTypes.CampaignNews.Headline, HubCultures.Arabic), arabic)
            .Set(EditForm.Value(HubContentTypes.CampaignNews.Campaigns), SaveTheTigris.ToString())
            .PostAsync(client, CallForParticipants, "Publish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var inEnglish = await host.Api.ItemByIdAsync(CallForParticipants, HubCultures.English);
        var inArabic = await host.Api.ItemByIdAsync(CallForParticipants, HubCultures.Arabic);
        Assert.Equal(english, inEnglish.GetProperty("properties").GetProperty(HubContentTypes.CampaignNews.Headline).GetString());
        Assert.Equal(arabic, inArabic.GetProperty("properties").GetProperty(HubContentTypes.CampaignNews.Headline).GetString());

        var audit = await host.WithStoreAsync(db => db.BackOfficeAudit.AsNoTracking().Where(a => a.NodeKey == CallForParticipants).ToListAsync());
        var recent = audit.Where(a => a.At >= since && a.UserKey == admin.Key).Select(a => a.Action).ToList();
        Assert.Contains(BackOfficeAuditActions.Save, recent);
        Assert.Contains(BackOfficeAuditActions.Publish, recent);
        Assert.Contains(audit, a => a.Action == BackOfficeAuditActions.Publish && a.Cultures.Contains(HubCultures.Arabic, StringComparison.Ordinal));
        var page = await EditForm.GetAsync(client, CallForParticipants);
        Assert.Contains($"publish ({HubCultures.English},{HubCultures.Arabic}) by {WebUtility.HtmlEncode(BackOfficeHost.AdminName)}", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task News_Without_A_Campaign_Is_Refused_With_The_Plugins_Message_Beside_The_Field()
    {
        using var client = await host.SignedInClientAsync();
        var before = await host.Api.ItemByIdAsync(CallForParticipants);
        var form = await EditForm.GetAsync(client, CallForParticipants);

        var response = await form
            .Set(EditForm.Value(HubContentTypes.CampaignNews.Campaigns))
            .Set(EditForm.Value(HubContentTypes.CampaignNews.Headline, HubCultures.English), "Not to be published")
            .PostAsync(client, CallForParticipants, "Publish");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(NewsMustPickCampaign.Message), html, StringComparison.Ordinal);
        Assert.Contains("""aria-describedby="error-value-campaigns" """, html, StringComparison.Ordinal);
        Assert.Contains("""<div id="error-value-campaigns" class="error">""", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        var after = await host.Api.ItemByIdAsync(CallForParticipants);
        Assert.Equal(
            before.GetProperty("properties").GetProperty(HubContentTypes.CampaignNews.Headline).GetString(),
            after.GetProperty("properties").GetProperty(HubContentTypes.CampaignNews.Headline).GetString());
    }

    [Fact]
    public async Task A_Conference_That_Ends_Before_It_Starts_Is_Refused()
    {
        using var client = await host.SignedInClientAsync();
        var form = await EditForm.GetAsync(client, Oslo);

        var response = await form
            .Set(EditForm.Value(HubContentTypes.Conference.StartDate), "2014-10-29T09:00")
            .Set(EditForm.Value(HubContentTypes.Conference.EndDate), "2014-10-27T18:00")
            .PostAsync(client, Oslo, "Publish");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("ends (2014-10-27 18:00) before it starts (2014-10-29 09:00).", html, StringComparison.Ordinal);
        Assert.Contains("""<div id="error-value-endDate" class="error">""", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Mandatory_Property_Left_Empty_Is_Refused_Beside_Its_Field_In_Its_Culture()
    {
        using var client = await host.SignedInClientAsync();
        var form = await EditForm.GetAsync(client, CallForParticipants);

        var response = await form
            .Set(EditForm.Value(HubContentTypes.CampaignNews.Campaigns), SaveTheTigris.ToString())
            .Set(EditForm.Value(HubContentTypes.CampaignNews.Headline, HubCultures.Arabic), "  ")
            .PostAsync(client, CallForParticipants, "Publish");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("""<div id="error-value-headline-ar" class="error">""", html, StringComparison.Ordinal);
        Assert.Contains("is required.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("error-value-headline-en-US", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rich_Text_Is_Stored_Without_Script()
    {
        using var client = await host.SignedInClientAsync();
        var form = await EditForm.GetAsync(client, CallForParticipants);

        var response = await form
            .Set(EditForm.Value(HubContentTypes.CampaignNews.Body, HubCultures.English), """<p onclick="steal()">Come to Oslo</p><script>alert('x')</script>""")
            .PostAsync(client, CallForParticipants, "Save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await host.WithStoreAsync(db => db.PropertyValues.AsNoTracking()
            .SingleAsync(v => v.NodeKey == CallForParticipants && v.Alias == HubContentTypes.CampaignNews.Body && v.Culture == HubCultures.English));
        Assert.Contains("<p>Come to Oslo</p>", stored.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("script", stored.Value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", stored.Value, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unpublishing_A_Culture_Takes_It_Out_Of_The_Delivery_API_At_Once_And_Publishing_Brings_It_Back()
    {
        using var client = await host.SignedInClientAsync();
        var form = await EditForm.GetAsync(client, Karibu);
        Assert.Equal(HttpStatusCode.OK, (await host.Api.SendAsync(DeliveryApiClient.ItemByIdUrl(Karibu), HubCultures.Arabic)).StatusCode);

        var unpublish = await form.Set("culture", HubCultures.Arabic).PostAsync(client, Karibu, "Unpublish");
        var arabicGone = await host.Api.SendAsync(DeliveryApiClient.ItemByIdUrl(Karibu), HubCultures.Arabic);
        var englishStays = await host.Api.SendAsync(DeliveryApiClient.ItemByIdUrl(Karibu), HubCultures.English);
        var publish = await (await EditForm.GetAsync(client, Karibu)).Set("culture", HubCultures.Arabic).PostAsync(client, Karibu, "Publish");
        var arabicBack = await host.Api.SendAsync(DeliveryApiClient.ItemByIdUrl(Karibu), HubCultures.Arabic);

        Assert.Equal(HttpStatusCode.Redirect, unpublish.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, arabicGone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, englishStays.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Equal(HttpStatusCode.OK, arabicBack.StatusCode);
    }

    [Fact]
    public async Task Edit_Page_Requires_Signing_In()
    {
        using var client = host.Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync($"/umbraco/content/{CallForParticipants:D}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Preview_Shows_A_Saved_Draft_As_The_Delivery_Api_Would_While_Visitors_Still_Get_The_Published_Item()
    {
        using var client = await host.SignedInClientAsync();
        var published = (await host.Api.ItemByIdAsync(CallForParticipants, HubCultures.English))
            .GetProperty("properties").GetProperty(HubContentTypes.CampaignNews.Headline).GetString();
        var form = await EditForm.GetAsync(client, CallForParticipants);
        Assert.Contains($"""<a href="/umbraco/content/{CallForParticipants:D}/preview">Preview</a>""", form.Html, StringComparison.Ordinal);
        var marker = "draftmarker" + Guid.NewGuid().ToString("N")[..6];
        var draft = "Draft headline for Oslo " + marker;

        var save = await form
            .Set(EditForm.Value(HubContentTypes.CampaignNews.Headline, HubCultures.English), draft)
            .PostAsync(client, CallForParticipants, "Save");
        var preview = await client.GetAsync($"/umbraco/content/{CallForParticipants:D}/preview");
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.True(preview.Headers.CacheControl?.NoStore);
        Assert.Contains(WebUtility.HtmlEncode($"\"{HubContentTypes.CampaignNews.Headline}\": \"{draft}\""), html, StringComparison.Ordinal);
        Assert.Contains($"""<pre lang="{HubCultures.English}" dir="ltr">""", html, StringComparison.Ordinal);
        Assert.Contains($"""<pre lang="{HubCultures.Arabic}" dir="rtl">""", html, StringComparison.Ordinal);
        var served = await host.Api.ItemByIdAsync(CallForParticipants, HubCultures.English);
        Assert.Equal(published, served.GetProperty("properties").GetProperty(HubContentTypes.CampaignNews.Headline).GetString());
        Assert.NotEqual(draft, published);
        // Nor does the draft reach the index that visitors' queries are answered from.
        Assert.Equal(0, (await host.Api.QueryAsync(("filter", "search:" + marker))).Total);
    }

    [Fact]
    public async Task Preview_Requires_Signing_In()
    {
        using var client = host.Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync($"/umbraco/content/{CallForParticipants:D}/preview");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
