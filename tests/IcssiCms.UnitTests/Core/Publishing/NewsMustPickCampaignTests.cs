using IcssiCms.Core.Publishing;
using IcssiCms.Core.Schema;
using IcssiCms.UnitTests.Support;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Notifications;

namespace IcssiCms.UnitTests.Core.Publishing;

public sealed class NewsMustPickCampaignTests
{
    private readonly IReadOnlyDictionary<string, ContentType> _types = HubFolder.CreateContentTypes();
    private readonly NewsMustPickCampaign _rule = new(new EnglishByDefault());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Cannot_Publish_News_That_Picks_No_Campaign(string? campaigns)
    {
        var news = News("Call for International Participants", campaigns);
        var notification = new ContentPublishingNotification(news, new EventMessages());

        _rule.Handle(notification);

        Assert.True(notification.Cancel);
        var message = Assert.Single(notification.Messages.GetAll());
        Assert.Equal(EventMessageType.Error, message.MessageType);
        Assert.Equal(NewsMustPickCampaign.Category, message.Category);
        Assert.Equal($"'Call for International Participants': {NewsMustPickCampaign.Message}", message.Message);
    }

    [Fact]
    public void Can_Publish_News_That_Picks_A_Campaign()
    {
        var tigris = HubFolder.ContentIn("Content/save-the-tigris.config");
        var news = News("Tigris news", "umb://document/" + tigris.Key.ToString("N"));
        var notification = new ContentPublishingNotification(news, new EventMessages());

        _rule.Handle(notification);

        Assert.False(notification.Cancel);
        Assert.Empty(notification.Messages.GetAll());
    }

    [Fact]
    public void Can_Publish_The_Hubs_Own_News_With_The_Campaigns_It_Picks()
    {
        var source = HubFolder.ContentIn("Content/call-for-international-participants.config");
        var news = News(source.Name, source.Properties.Single(v => v.Alias == HubContentTypes.CampaignNews.Campaigns).Value);
        var notification = new ContentPublishingNotification(news, new EventMessages());

        _rule.Handle(notification);

        Assert.False(notification.Cancel);
    }

    [Fact]
    public void Cancels_A_Batch_For_The_One_News_Item_Without_A_Campaign_And_Names_It()
    {
        var tigris = HubFolder.ContentIn("Content/save-the-tigris.config");
        var picked = News("Picked", "umb://document/" + tigris.Key.ToString("N"));
        var unpicked = News("Unpicked", null);
        var notification = new ContentPublishingNotification([picked, unpicked], new EventMessages());

        _rule.Handle(notification);

        Assert.True(notification.Cancel);
        var message = Assert.Single(notification.Messages.GetAll());
        Assert.StartsWith("'Unpicked':", message.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignores_Other_Document_Types_Without_Campaigns()
    {
        var campaign = new Content("Save the Tigris", -1, _types[HubContentTypes.Campaign.Alias]);
        campaign.SetCultureName("Save the Tigris", HubCultures.English);
        var notification = new ContentPublishingNotification(campaign, new EventMessages());

        _rule.Handle(notification);

        Assert.False(notification.Cancel);
        Assert.Empty(notification.Messages.GetAll());
    }

    private Content News(string name, string? campaigns)
    {
        var news = new Content(name, -1, _types[HubContentTypes.CampaignNews.Alias]);
        news.SetCultureName(name, HubCultures.English);
        news.SetValue(HubContentTypes.CampaignNews.Headline, name, HubCultures.English);
        if (campaigns is not null)
        {
            news.SetValue(HubContentTypes.CampaignNews.Campaigns, campaigns);
        }

        return news;
    }
}
