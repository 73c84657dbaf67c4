using IcssiCms.Search;
using Umbraco.Cms.Core.DeliveryApi;
using static IcssiCms.UnitTests.Search.SearchSamples;

namespace IcssiCms.UnitTests.Search;

/// <summary>Indexing, re-indexing, removing and clearing, on memory and on disk.</summary>
public sealed partial class LuceneContentIndexTests
{
    [Fact]
    public void Reindexing_An_Item_Replaces_Its_Documents()
    {
        var item = Guid.NewGuid();
        _index.Index([Doc(item, English, (Campaign, "save-the-tigris")), Doc(item, Arabic, (Campaign, "save-the-tigris"))]);

        _index.Index([Doc(item, English, (Campaign, "mesopotamian-marshes")), Doc(item, Arabic, (Campaign, "mesopotamian-marshes"))]);

        Assert.Equal(2, _index.DocumentCount);
        AssertFound(_index.Search(Filtered(English, Filter(Campaign, FilterOperation.Is, "mesopotamian-marshes"))), item);
        AssertFound(_index.Search(Filtered(English, Filter(Campaign, FilterOperation.Is, "save-the-tigris"))));
    }

    [Fact]
    public void Reindexing_An_Item_Without_A_Culture_Drops_That_Culture()
    {
        var item = Guid.NewGuid();
        _index.Index([Doc(item, English, (Name, "Save the Tigris")), Doc(item, Arabic, (Name, "إنقاذ دجلة"))]);

        _index.Index([Doc(item, English, (Name, "Save the Tigris"))]);

        Assert.Equal(1, _index.DocumentCount);
        AssertFound(_index.Search(Query(Arabic)));
        AssertFound(_index.Search(Query(English)), item);
    }

    [Fact]
    public void The_Same_Item_And_Culture_Twice_In_One_Batch_Is_Indexed_Once_As_The_Later()
    {
        var item = Guid.NewGuid();

        _index.Index([Doc(item, English, (Name, "Draft title")), Doc(item, "EN-us", (Name, "Final title"))]);

        Assert.Equal(1, _index.DocumentCount);
        AssertFound(_index.Search(Filtered(English, Filter(Name, FilterOperation.Is, "final title"))), item);
    }

    [Fact]
    public void Can_Remove_An_Item_In_All_Its_Cultures()
    {
        var removed = Guid.NewGuid();
        var kept = Guid.NewGuid();
        _index.Index([Doc(removed, English), Doc(removed, Arabic), Doc(kept, English)]);

        _index.Remove([removed]);

        Assert.Equal(1, _index.DocumentCount);
        AssertFound(_index.Search(Query(English)), kept);
        AssertFound(_index.Search(Query(Arabic)));
    }

    [Fact]
    public void Can_Clear_The_Index()
    {
        _index.Index([Doc(Guid.NewGuid(), English), Doc(Guid.NewGuid(), null)]);

        _index.Clear();

        Assert.Equal(0, _index.DocumentCount);
        AssertFound(_index.Search(Query(English)));
    }

    [Fact]
    public void Cannot_Index_A_Value_For_An_Undeclared_Field()
    {
        var error = Assert.Throws<ArgumentException>(() => _index.Index([Doc(Guid.NewGuid(), null, ("region", "dk"))]));

        Assert.Contains("'region'", error.Message);
        Assert.Equal(0, _index.DocumentCount);
    }

    [Fact]
    public void A_Batch_With_A_Bad_Value_Leaves_The_Index_As_It_Was()
    {
        var item = Guid.NewGuid();
        _index.Index([Doc(item, null, (Campaign, "save-the-tigris"))]);

        Assert.Throws<ArgumentException>(() => _index.Index([Doc(item, null, (Campaign, "mesopotamian-marshes")), Doc(Guid.NewGuid(), null, (Capacity, "many"))]));

        AssertFound(_index.Search(Filtered(null, Filter(Campaign, FilterOperation.Is, "save-the-tigris"))), item);
    }

    [Fact]
    public void Cannot_Declare_One_Field_With_Two_Types()
    {
        IndexField[] fields =
        [
            new IndexField { FieldName = Name, FieldType = FieldType.StringSortable, VariesByCulture = true },
            new IndexField { FieldName = Name, FieldType = FieldType.StringAnalyzed, VariesByCulture = true },
        ];

        var error = Assert.Throws<ArgumentException>(() => LuceneContentIndex.InMemory(fields));

        Assert.Contains($"'{Name}'", error.Message);
    }

    [Fact]
    public void A_Field_Declared_By_Two_Handlers_Is_Indexed_Once()
    {
        using var index = LuceneContentIndex.InMemory(Fields.Concat(Fields.Take(1)));

        Assert.Equal(Fields.Select(field => field.FieldName), index.Fields.Select(field => field.FieldName));
    }

    [Fact]
    public void A_Folder_Index_Reopened_From_Disk_Still_Answers()
    {
        var folder = Path.Combine(Path.GetTempPath(), "icssicms-search-" + Guid.NewGuid().ToString("N"));
        try
        {
            var campaign = Guid.NewGuid();
            var removed = Guid.NewGuid();
            using (var index = LuceneContentIndex.OpenFolder(folder, Fields))
            {
                index.Index([Doc(campaign, Arabic, (SearchText, "حملة إنقاذ نهر دجلة")), Doc(removed, Arabic, (SearchText, "نهر الفرات"))]);
                index.Remove([removed]);
            }

            using var reopened = LuceneContentIndex.OpenFolder(folder, Fields);

            Assert.Equal(1, reopened.DocumentCount);
            AssertFound(reopened.Search(Filtered(Arabic, Filter(SearchText, FilterOperation.Contains, "نهر"))), campaign);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Searches_While_Items_Are_Indexed_See_Whole_Batches()
    {
        const int Batches = 20;
        const int PerBatch = 5;
        var filter = Filter(Campaign, FilterOperation.Is, "save-the-tigris");

        var writing = Task.Run(() =>
        {
            for (var batch = 0; batch < Batches; batch++)
            {
                _index.Index(Enumerable.Range(0, PerBatch).Select(_ => Doc(Guid.NewGuid(), null, (Campaign, "save-the-tigris"))));
            }
        });
        var totalsSeen = Enumerable.Range(0, 2)
            .Select(_ => Task.Run(() =>
            {
                var totals = new List<long>();
                while (!writing.IsCompleted)
                {
                    totals.Add(_index.Search(Filtered(null, filter)).Total);
                }

                return totals;
            }))
            .ToArray();
        await Task.WhenAll([writing, .. totalsSeen]);

        Assert.All(totalsSeen.SelectMany(task => task.Result), total => Assert.Equal(0, total % PerBatch));
        Assert.Equal(Batches * PerBatch, _index.Search(Query(filters: [filter], take: 0)).Total);
    }
}
