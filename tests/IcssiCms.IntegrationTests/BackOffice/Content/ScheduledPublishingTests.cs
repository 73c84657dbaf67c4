using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using IcssiCms.Core.Schema;
using IcssiCms.EmbeddedHost.BackOffice.Content;
using IcssiCms.EmbeddedHost.BackOffice.Pages.Content;
using IcssiCms.IntegrationTests.Delivery;
using IcssiCms.Store.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IcssiCms.IntegrationTests.BackOffice.Content;

/// <summary>Scheduled-publishing tests share one seeded host on a fake clock, one test at a time, beside no other test class.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScheduledPublishingCollection : ICollectionFixture<ScheduledPublishingHost>
{
    public const string Name = "BackOffice scheduled publishing";
}

/// <summary>The seeded back-office host with a <see cref="FakeTimeProvider"/> as its clock and the scheduler checking every <see cref="Interval"/>.</summary>
public sealed class ScheduledPublishingHost : ContentEditingHost
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Umbraco:CMS:Unattended:UnattendedUserName"] = BackOfficeHost.AdminName,
        ["Umbraco:CMS:Unattended:UnattendedUserEmail"] = BackOfficeHost.AdminEmail,
        ["Umbraco:CMS:Unattended:UnattendedUserPassword"] = BackOfficeHost.AdminPassword,
        [ContentScheduler.IntervalKey] = "00:00:05",
    };

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

[Collection(ScheduledPublishingCollection.Name)]
public sealed class ScheduledPublishingTests(ScheduledPublishingHost host)
{
    private static readonly Guid FreedomOfExpression = Guid.Parse("64740a9d-7c7f-56e3-a87f-e94307f60cb7");
    private static readonly Guid SaveTheTigris = SeedContent.Hub.Items.Single(i => i.ContentType == HubContentTypes.Campaign.Alias && i.Name(HubCultures.English) == "Save the Tigris").Key;

    [Fact]
    public async Task A_Scheduled_Publish_Is_Served_Once_Due_And_A_Scheduled_Unpublish_Takes_It_Away_Both_Audited_As_The_Scheduler()
    {
        using var client = await host.SignedInClientAsync();
        var admin = await host.AdministratorAsync();
        var key = await CreateNewsAsync(client, "Scheduled news " + Guid.NewGuid().ToString("N")[..6]);
        var headline = "Published on schedule " + Guid.NewGuid().ToString("N")[..6];
        var save = await (await EditForm.GetAsync(client, key))
            .Set(EditForm.Value(HubContentTypes.CampaignNews.Headline, HubCultures.English), headline)
            .Set(EditForm.Value(HubContentTypes.CampaignNews.Campaigns), SaveTheTigris.ToString())
            .PostAsync(client, key, "Save");
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);

        var publishAt = host.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        Assert.Equal(HttpStatusCode.Redirect, (await ScheduleAsync(client, key, EditModel.PublishAtField(HubCultures.English), publishAt)).StatusCode);
        var page = await client.GetStringAsync($"/umbraco/content/{key:D}");
        Assert.Contains($"value=\"{publishAt:yyyy-MM-ddTHH:mm}\"", page, StringComparison.Ordinal);
        Assert.Contains("(UTC)", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await ItemStatusAsync(key));

        host.Clock.Advance(TimeSpan.FromMinutes(30));
        await Task.Delay(200);
        Assert.Equal(HttpStatusCode.NotFound, await ItemStatusAsync(key));

        host.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.True(await PollAsync(async () => await ItemStatusAsync(key) == HttpStatusCode.OK), "The scheduled publish was not carried out.");
        var item = await host.Api.ItemByIdAsync(key);
        Assert.Equal(headline, item.GetProperty("properties").GetProperty(HubContentTypes.CampaignNews.Headline).GetString());
        Assert.True(await PollAsync(async () => !await host.WithStoreAsync(db => db.ContentSchedules.AnyAsync(s => s.NodeKey == key))));

        var unpublishAt = host.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        Assert.Equal(HttpStatusCode.Redirect, (await ScheduleAsync(client, key, EditModel.UnpublishAtField(HubCultures.English), unpublishAt)).StatusCode);
        host.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True(await PollAsync(async () => await ItemStatusAsync(key) == HttpStatusCode.NotFound), "The scheduled unpublish was not carried out.");

        var audit = await host.WithStoreAsync(db => db.BackOfficeAudit.AsNoTracking().Where(a => a.NodeKey == key && a.UserKey == admin.Key).Select(a => a.Action).ToListAsync());
        Assert.Contains(BackOfficeAuditActions.Schedule, audit);
        Assert.Contains(BackOfficeAuditActions.Publish, audit);
        Assert.Contains(BackOfficeAuditActions.Unpublish, audit);
    }

    [Fact]
    public async Task A_Scheduled_Publish_The_Plugins_Rules_Refuse_Is_Audited_With_The_Reason_And_Dropped()
    {
        using var client = await host.SignedInClientAsync();
        var key = await CreateNewsAsync(client, "Campaignless news " + Guid.NewGuid().ToString("N")[..6]);
        var save = await (await EditForm.GetAsync(client, key))
            .Set(EditForm.Value(HubContentTypes.CampaignNews.Headline, HubCultures.English), "No campaign picked")
            .PostAsync(client, key, "Save");
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);

        var publishAt = host.Clock.GetUtcNow().UtcDateTime.AddMinutes(5);
        Assert.Equal(HttpStatusCode.Redirect, (await ScheduleAsync(client, key, EditModel.PublishAtField(HubCultures.English), publishAt)).StatusCode);
        host.Clock.Advance(TimeSpan.FromMinutes(6));

        Assert.True(await PollAsync(async () => !await host.WithStoreAsync(db => db.ContentSchedules.AnyAsync(s => s.NodeKey == key))), "The refused publish was not dropped.");
        var refused = await host.WithStoreAsync(db => db.BackOfficeAudit.AsNoTracking().SingleAsync(a => a.NodeKey == key && a.Action == BackOfficeAuditActions.ScheduledPublishRefused));
        Assert.False(string.IsNullOrWhiteSpace(refused.Detail));
        Assert.Equal(HttpStatusCode.NotFound, await ItemStatusAsync(key));
        Assert.Contains(BackOfficeAuditActions.ScheduledPublishRefused + " (" + HubCultures.English + ") by ", await client.GetStringAsync($"/umbraco/content/{key:D}"), StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> ItemStatusAsync(Guid key)
    {
        using var response = await host.Api.SendAsync(DeliveryApiClient.ItemByIdUrl(key), HubCultures.English);
        return response.StatusCode;
    }

    /// <summary>Waits for a condition, moving the fake clock on by one check interval each time; at most 10 seconds.</summary>
    private async Task<bool> PollAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            host.Clock.Advance(ScheduledPublishingHost.Interval);
            await Task.Delay(50);
        }

        return await condition();
    }

    internal static async Task<HttpResponseMessage> ScheduleAsync(HttpClient client, Guid key, string field, DateTime at)
    {
        var page = await client.GetStringAsync($"/umbraco/content/{key:D}");
        var token = new HtmlParser().ParseDocument(page).QuerySelector("form[action*='handler=Schedule'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync($"/umbraco/content/{key:D}?handler=Schedule", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            [field] = at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        }));
    }

    internal static async Task<Guid> CreateNewsAsync(HttpClient client, string name)
    {
        var page = await client.GetStringAsync($"/umbraco/content/create?parent={FreedomOfExpression:D}");
        var token = new HtmlParser().ParseDocument(page).QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync("/umbraco/content/create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["parent"] = FreedomOfExpression.ToString("D"),
            ["contentType"] = HubContentTypes.CampaignNews.Alias,
            ["name"] = name,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1]);
    }
}
