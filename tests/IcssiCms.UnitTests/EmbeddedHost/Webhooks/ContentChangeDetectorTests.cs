using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using IcssiCms.EmbeddedHost.Webhooks;
using IcssiCms.Usync.Model;
using Umbraco.Cms.Core.Models;
using static Umbraco.Cms.Core.Constants.WebhookEvents;

namespace IcssiCms.UnitTests.EmbeddedHost.Webhooks;

public sealed class ContentChangeDetectorTests
{
    private const string English = "en-US";
    private const string Arabic = "ar";
    private static readonly DateTime Updated = new(2025, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Tigris = Guid.Parse("6a1d6c1e-8a1f-4a77-9d0c-3a6a5c1b0001");
    private static readonly Guid Workers = Guid.Parse("6a1d6c1e-8a1f-4a77-9d0c-3a6a5c1b0002");

    [Fact]
    public void The_First_Refresh_After_Start_Raises_Nothing()
    {
        var hub = Snapshot(Item(Tigris, English, Arabic), Item(Workers, English));

        var changes = ContentChangeDetector.Detect(ContentSnapshot.Empty, ContentSnapshot.Empty, hub, hub);

        Assert.Empty(changes);
    }

    [Fact]
    public void Nothing_Changed_Raises_Nothing()
    {
        var before = Snapshot(Item(Tigris, English, Arabic));
        var after = Snapshot(Item(Tigris, English, Arabic));

        Assert.Empty(ContentChangeDetector.Detect(before, before, after, after));
    }

    [Fact]
    public void A_New_Item_Is_Published_In_Each_Of_Its_Cultures()
    {
        var before = Snapshot(Item(Tigris, English));
        var after = Snapshot(Item(Tigris, English), Item(Workers, English, Arabic));

        var change = Assert.Single(ContentChangeDetector.Detect(before, before, after, after));

        Assert.Equal((Aliases.ContentPublish, Workers, "campaign"), (change.EventAlias, change.Key, change.ContentTypeAlias));
        Assert.Equal([Arabic, English], change.Cultures);
    }

    [Fact]
    public void A_Changed_Update_Date_Is_Published_In_Every_Culture()
    {
        var before = Snapshot(Item(Tigris, English, Arabic));
        var after = Snapshot(Item(Tigris, English, Arabic) with { UpdateDate = Updated.AddMinutes(5) });

        var change = Assert.Single(ContentChangeDetector.Detect(before, before, after, after));

        Assert.Equal(Aliases.ContentPublish, change.EventAlias);
        Assert.Equal([Arabic, English], change.Cultures);
    }

    [Fact]
    public void A_Culture_Published_Or_Renamed_Is_Published_In_That_Culture_Only()
    {
        var before = Snapshot(Item(Tigris, English), Item(Workers, English, Arabic));
        var after = Snapshot(Item(Tigris, English, Arabic), Renamed(Item(Workers, English, Arabic), English, "Workers' rights now"));

        var changes = ContentChangeDetector.Detect(before, before, after, after);

        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal(Aliases.ContentPublish, c.EventAlias));
        Assert.Equal([Arabic], changes.Single(c => c.Key == Tigris).Cultures);
        Assert.Equal([English], changes.Single(c => c.Key == Workers).Cultures);
    }

    [Fact]
    public void An_Item_That_Left_The_Published_Snapshot_But_Is_Still_A_Draft_Is_Unpublished()
    {
        var before = Snapshot(Item(Tigris, English, Arabic), Item(Workers, English));
        var after = Snapshot(Item(Workers, English));
        var draft = Snapshot(Item(Tigris, English, Arabic), Item(Workers, English));

        var change = Assert.Single(ContentChangeDetector.Detect(before, draft, after, draft));

        Assert.Equal(Aliases.ContentUnpublish, change.EventAlias);
        Assert.Equal(Tigris, change.Key);
        Assert.Equal([Arabic, English], change.Cultures);
    }

    [Fact]
    public void A_Culture_That_Left_The_Published_Snapshot_Is_Unpublished_In_That_Culture()
    {
        var before = Snapshot(Item(Tigris, English, Arabic));
        var after = Snapshot(Item(Tigris, English));
        var draft = Snapshot(Item(Tigris, English, Arabic));

        var change = Assert.Single(ContentChangeDetector.Detect(before, draft, after, draft));

        Assert.Equal(Aliases.ContentUnpublish, change.EventAlias);
        Assert.Equal([Arabic], change.Cultures);
    }

    [Fact]
    public void An_Item_Gone_From_Both_Snapshots_Is_Deleted()
    {
        var before = Snapshot(Item(Tigris, English), Item(Workers, English));
        var after = Snapshot(Item(Workers, English));

        var change = Assert.Single(ContentChangeDetector.Detect(before, before, after, after));

        Assert.Equal((Aliases.ContentDelete, Tigris, "campaign"), (change.EventAlias, change.Key, change.ContentTypeAlias));
        Assert.Empty(change.Cultures);
    }

    [Fact]
    public void A_Deleted_Draft_That_Was_Never_Published_Is_Deleted()
    {
        var published = Snapshot(Item(Workers, English));
        var before = Snapshot(Item(Tigris, English), Item(Workers, English));

        var change = Assert.Single(ContentChangeDetector.Detect(published, before, published, published));

        Assert.Equal(Aliases.ContentDelete, change.EventAlias);
        Assert.Equal(Tigris, change.Key);
    }

    private static SnapshotItem Item(Guid key, params string[] cultures)
    {
        var names = cultures.ToDictionary(c => c, c => $"Campaign {key.ToString()[^1]} ({c})");
        var node = new UsyncContent(
            key, "campaign-" + key, 2, Guid.NewGuid(), "-1", false, "campaign", Updated.AddDays(-1), 0,
            names, true, cultures.ToDictionary(c => c, _ => true), [], new SourceLocation("campaign.config", 1));
        return new SnapshotItem(node, [], Updated, cultures.ToDictionary(c => c, c => new PublishedCulture(c, names[c], $"/campaigns/{key:N}/")));
    }

    private static SnapshotItem Renamed(SnapshotItem item, string culture, string name)
    {
        var cultures = item.Cultures.ToDictionary(c => c.Key, c => c.Key == culture ? c.Value with { Name = name } : c.Value);
        return item with { Cultures = cultures };
    }

    private static ContentSnapshot Snapshot(params SnapshotItem[] items) =>
        new(items.ToDictionary(i => i.Key), new Dictionary<string, ContentType>(), new Dictionary<Guid, UsyncDataType>(), English, [English, Arabic]);
}
