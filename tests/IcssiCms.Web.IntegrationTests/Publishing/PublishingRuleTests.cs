using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IcssiCms.Core.Publishing;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Delivery;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Publishing;

/// <summary>
/// The hub's publishing rules, as Umbraco's services and the back office's Management API meet them: campaign news
/// must pick a campaign, and a conference cannot end before it starts. A refused publish says why, and nothing is served.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class PublishingRuleTests(ChangingSite site)
{
    private static readonly Guid FreedomOfExpression = Guid.Parse("64740a9d-7c7f-56e3-a87f-e94307f60cb7");
    private static readonly Guid Conferences = Guid.Parse("08b45d12-d81b-5b3a-a2e0-49137fef2fc0");
    private static readonly Guid Conference2014 = Guid.Parse("c7da7b3f-0469-5b99-86fc-1c81d44d5732");

    private IContentService Content => site.Services.GetRequiredService<IContentService>();

    [Fact]
    public async Task News_Without_A_Campaign_Is_Refused_With_The_Hubs_Message_And_Not_Served()
    {
        var news = SavedNews("News without a campaign");

        var result = Content.Publish(Content.GetById(news)!, [HubCultures.English]);

        Assert.False(result.Success);
        Assert.Equal(PublishResultType.FailedPublishCancelledByEvent, result.Result);
        var message = Assert.Single(result.EventMessages!.GetAll(), m => m.Category == NewsMustPickCampaign.Category);
        Assert.Equal($"'News without a campaign': {NewsMustPickCampaign.Message}", message.Message);
        Assert.Equal(HttpStatusCode.NotFound, await DeliveryStatusAsync(news));
    }

    [Fact]
    public async Task News_That_Picks_A_Campaign_Is_Published()
    {
        var news = SavedNews("News that picks its campaign");
        var item = Content.GetById(news)!;
        item.SetValue(HubContentTypes.CampaignNews.Campaigns, $"umb://document/{FreedomOfExpression:N}");

        var result = Content.SaveAndPublish(item, [HubCultures.English]);

        Assert.True(result.Success, result.Result.ToString());
        Assert.Equal(HttpStatusCode.OK, await DeliveryStatusAsync(news));
    }

    [Fact]
    public async Task The_Back_Office_Is_Told_The_Hubs_Message_When_It_Publishes_News_Without_A_Campaign()
    {
        var news = SavedNews("News the back office publishes without a campaign");
        using var editor = await ApiUsers.ClientInGroupAsync(site, Constants.Security.EditorGroupKey);

        using var response = await editor.PutAsJsonAsync(
            $"/umbraco/management/api/v1/document/{news:D}/publish",
            new { publishSchedules = new[] { new { culture = HubCultures.English } } });

        var body = await response.Content.ReadAsStringAsync();
        Assert.False(response.IsSuccessStatusCode, body);
        // The back office shows the notifications of this header as toasts.
        Assert.True(response.Headers.TryGetValues("Umb-Notifications", out var notifications), $"No Umb-Notifications header: {(int)response.StatusCode} {body}");
        var shown = JsonDocument.Parse(Assert.Single(notifications)).RootElement.EnumerateArray().Select(n => n.GetProperty("message").GetString());
        Assert.Contains($"'News the back office publishes without a campaign': {NewsMustPickCampaign.Message}", shown);
        Assert.Equal(HttpStatusCode.NotFound, await DeliveryStatusAsync(news));
    }

    [Fact]
    public async Task A_Conference_That_Ends_Before_It_Starts_Is_Refused_With_Both_Dates_And_Not_Served()
    {
        // A copy of the 2014 conference, which has every value a conference must have, with its dates the wrong way round.
        var conference = Content.Copy(Content.GetById(Conference2014)!, Content.GetById(Conferences)!.Id, relateToOriginal: false, recursive: false)!;
        conference.SetCultureName("A conference that ends before it starts", HubCultures.English);
        conference.SetValue(HubContentTypes.Conference.StartDate, new DateTime(2027, 10, 29, 9, 0, 0));
        conference.SetValue(HubContentTypes.Conference.EndDate, new DateTime(2027, 10, 27, 18, 0, 0));

        var result = Content.SaveAndPublish(conference, [HubCultures.English]);

        Assert.False(result.Success);
        var message = Assert.Single(result.EventMessages!.GetAll(), m => m.Category == ConferenceEndsAfterStart.Category);
        Assert.Equal("'A conference that ends before it starts' ends (2027-10-27 18:00) before it starts (2027-10-29 09:00).", message.Message);
        Assert.Equal(HttpStatusCode.NotFound, await DeliveryStatusAsync(conference.Key));
    }

    [Fact]
    public async Task A_Scheduled_Publish_That_Breaks_A_Rule_Is_Refused_When_It_Falls_Due()
    {
        var news = SavedNews("Scheduled news without a campaign");
        var item = Content.GetById(news)!;
        var due = DateTime.Now.AddMinutes(5);
        var schedule = new ContentScheduleCollection();
        schedule.Add(new ContentSchedule(HubCultures.English, due, ContentScheduleAction.Release));
        Assert.True(Content.Save(item, contentSchedule: schedule).Success);

        // What Umbraco's scheduled publishing job does once the time has come.
        var results = Content.PerformScheduledPublish(due.AddMinutes(1)).Where(r => r.Content?.Key == news).ToList();

        var result = Assert.Single(results);
        Assert.Equal(PublishResultType.FailedPublishCancelledByEvent, result.Result);
        Assert.Contains(result.EventMessages!.GetAll(), m => m.Message!.EndsWith(NewsMustPickCampaign.Message, StringComparison.Ordinal));
        Assert.False(Content.GetById(news)!.Published);
        Assert.Equal(HttpStatusCode.NotFound, await DeliveryStatusAsync(news));
    }

    /// <summary>Campaign news under Freedom of Expression, in English, saved without a campaign.</summary>
    private Guid SavedNews(string name)
    {
        var item = NewsItems.Create(Content, FreedomOfExpression, [(HubCultures.English, name)], campaign: null);
        Assert.True(Content.Save(item).Success);
        return item.Key;
    }

    private async Task<HttpStatusCode> DeliveryStatusAsync(Guid key)
    {
        using var http = site.CreateClient();
        using var response = await new DeliveryApiClient(http).SendAsync(DeliveryApiClient.ItemByIdUrl(key), HubCultures.English);
        return response.StatusCode;
    }
}
