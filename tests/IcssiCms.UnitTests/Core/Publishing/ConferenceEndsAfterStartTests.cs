using System.Globalization;
using IcssiCms.Core.Publishing;
using IcssiCms.Core.Schema;
using IcssiCms.UnitTests.Support;
using IcssiCms.Usync.Mapping;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Notifications;

namespace IcssiCms.UnitTests.Core.Publishing;

public sealed class ConferenceEndsAfterStartTests
{
    private const string Oslo = "Content/icssi-conference-2014.config";

    private readonly IReadOnlyDictionary<string, ContentType> _types = HubFolder.CreateContentTypes();
    private readonly ConferenceEndsAfterStart _rule = new(new EnglishByDefault());

    [Theory]
    [InlineData(HubContentTypes.Conference.Alias)]
    [InlineData(HubContentTypes.ConferenceSession.Alias)]
    public void Cannot_Publish_An_Event_That_Ends_Before_It_Starts(string alias)
    {
        var item = Event(alias, "ICSSI Conference 2014", new DateTime(2014, 10, 29, 18, 0, 0), new DateTime(2014, 10, 27, 9, 0, 0));
        var notification = new ContentPublishingNotification(item, new EventMessages());

        _rule.Handle(notification);

        Assert.True(notification.Cancel);
        var message = Assert.Single(notification.Messages.GetAll());
        Assert.Equal(EventMessageType.Error, message.MessageType);
        Assert.Equal(ConferenceEndsAfterStart.Category, message.Category);
        Assert.Equal("'ICSSI Conference 2014' ends (2014-10-27 09:00) before it starts (2014-10-29 18:00).", message.Message);
    }

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("ckb-IQ")]
    [InlineData("en-US")]
    public void The_Cancel_Message_Gives_Gregorian_Dates_Whatever_The_Culture_Of_The_Request(string culture)
    {
        var item = Event(HubContentTypes.Conference.Alias, "ICSSI Conference 2014", new DateTime(2014, 10, 29, 18, 0, 0), new DateTime(2014, 10, 27, 9, 0, 0));
        var notification = new ContentPublishingNotification(item, new EventMessages());
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            _rule.Handle(notification);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        var message = Assert.Single(notification.Messages.GetAll());
        Assert.Equal("'ICSSI Conference 2014' ends (2014-10-27 09:00) before it starts (2014-10-29 18:00).", message.Message);
    }

    [Theory]
    [InlineData(HubContentTypes.Conference.Alias, 0)]
    [InlineData(HubContentTypes.Conference.Alias, 2)]
    [InlineData(HubContentTypes.ConferenceSession.Alias, 0)]
    [InlineData(HubContentTypes.ConferenceSession.Alias, 1)]
    public void Can_Publish_An_Event_That_Ends_When_Or_After_It_Starts(string alias, int days)
    {
        var start = new DateTime(2014, 10, 27, 9, 0, 0);
        var item = Event(alias, "Oslo", start, start.AddDays(days));
        var notification = new ContentPublishingNotification(item, new EventMessages());

        _rule.Handle(notification);

        Assert.False(notification.Cancel);
        Assert.Empty(notification.Messages.GetAll());
    }

    [Fact]
    public void The_Hubs_Own_Conference_Dates_Pass_And_Swapped_They_Are_Cancelled()
    {
        var source = HubFolder.ContentIn(Oslo);
        string ValueOf(string alias) => source.Properties.Single(v => v.Alias == alias).Value;

        var asWritten = Event(HubContentTypes.Conference.Alias, source.Name, ValueOf(HubContentTypes.Conference.StartDate), ValueOf(HubContentTypes.Conference.EndDate));
        var swapped = Event(HubContentTypes.Conference.Alias, source.Name, ValueOf(HubContentTypes.Conference.EndDate), ValueOf(HubContentTypes.Conference.StartDate));
        var passes = new ContentPublishingNotification(asWritten, new EventMessages());
        var cancelled = new ContentPublishingNotification(swapped, new EventMessages());

        _rule.Handle(passes);
        _rule.Handle(cancelled);

        Assert.False(passes.Cancel);
        Assert.True(cancelled.Cancel);
    }

    [Fact]
    public void Can_Publish_An_Event_Without_An_End()
    {
        var item = Event(HubContentTypes.Conference.Alias, "Oslo", new DateTime(2014, 10, 27), null);
        var notification = new ContentPublishingNotification(item, new EventMessages());

        _rule.Handle(notification);

        Assert.False(notification.Cancel);
    }

    [Fact]
    public void Ignores_Other_Document_Types_With_The_Same_Date_Properties()
    {
        var strings = UmbracoStrings.ShortStringHelper;
        var other = new ContentType(strings, -1) { Alias = "festival", Name = "Festival" };
        foreach (var alias in new[] { HubContentTypes.Conference.StartDate, HubContentTypes.Conference.EndDate })
        {
            other.AddPropertyType(new PropertyType(strings, "Umbraco.DateTime", ValueStorageType.Date, alias) { Name = alias }, "content", "Content");
        }

        var item = new Content("Festival", -1, other);
        item.SetValue(HubContentTypes.Conference.StartDate, new DateTime(2014, 10, 29));
        item.SetValue(HubContentTypes.Conference.EndDate, new DateTime(2014, 10, 27));
        var notification = new ContentPublishingNotification(item, new EventMessages());

        _rule.Handle(notification);

        Assert.False(notification.Cancel);
        Assert.Empty(notification.Messages.GetAll());
    }

    private Content Event(string alias, string name, object? start, object? end)
    {
        var item = new Content(name, -1, _types[alias]);
        item.SetCultureName(name, HubCultures.English);
        if (start is not null)
        {
            item.SetValue(HubContentTypes.Conference.StartDate, start);
        }

        if (end is not null)
        {
            item.SetValue(HubContentTypes.Conference.EndDate, end);
        }

        return item;
    }
}
