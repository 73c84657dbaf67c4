using Umbraco.Cms.Core.DeliveryApi;
using static IcssiCms.UnitTests.Search.SearchSamples;

namespace IcssiCms.UnitTests.Search;

/// <summary>Full text in the hub's languages, and which culture's documents a query sees.</summary>
public sealed partial class LuceneContentIndexTests
{
    private const string ArabicTitle = "حملة إنقاذ نهر دجلة";

    [Fact]
    public void Can_Find_Arabic_Text_By_Some_Of_Its_Words()
    {
        var campaign = Guid.NewGuid();
        var other = Guid.NewGuid();
        _index.Index([Doc(campaign, Arabic, (SearchText, ArabicTitle)), Doc(other, Arabic, (SearchText, "مؤتمر المياه في بغداد"))]);

        AssertFound(_index.Search(Filtered(Arabic, Filter(SearchText, FilterOperation.Contains, "نهر دجلة"))), campaign);
    }

    [Fact]
    public void Can_Find_Arabic_Text_By_A_Word_Written_Without_Its_Hamza()
    {
        var campaign = Guid.NewGuid();
        _index.Index([Doc(campaign, Arabic, (SearchText, ArabicTitle))]);

        Assert.DoesNotContain("انقاذ", ArabicTitle);
        AssertFound(_index.Search(Filtered(Arabic, Filter(SearchText, FilterOperation.Contains, "انقاذ"))), campaign);
    }

    [Fact]
    public void Can_Find_English_Text_By_One_Of_Its_Words_In_Any_Case()
    {
        var campaign = Guid.NewGuid();
        var other = Guid.NewGuid();
        _index.Index([Doc(campaign, English, (SearchText, "Save the Tigris campaign")), Doc(other, English, (SearchText, "Water conference in Baghdad"))]);

        AssertFound(_index.Search(Filtered(English, Filter(SearchText, FilterOperation.Contains, "tigris"))), campaign);
        AssertFound(_index.Search(Filtered(English, Filter(SearchText, FilterOperation.Contains, "TIGRIS"))), campaign);
    }

    [Fact]
    public void Cannot_Find_Arabic_Documents_From_An_English_Query()
    {
        var english = Guid.NewGuid();
        var arabic = Guid.NewGuid();
        _index.Index([Doc(english, English, (SearchText, "Save the Tigris campaign")), Doc(arabic, Arabic, (SearchText, ArabicTitle + " Tigris"))]);

        AssertFound(_index.Search(Filtered(English, Filter(SearchText, FilterOperation.Contains, "tigris"))), english);
        AssertFound(_index.Search(Filtered(Arabic, Filter(SearchText, FilterOperation.Contains, "tigris"))), arabic);
    }

    [Fact]
    public void Contains_Needs_Every_Word_Of_A_Value_And_Any_Of_Its_Values()
    {
        var damAndRiver = Guid.NewGuid();
        var riverOnly = Guid.NewGuid();
        var marshes = Guid.NewGuid();
        _index.Index(
        [
            Doc(damAndRiver, English, (SearchText, "A new dam threatens the Tigris")),
            Doc(riverOnly, English, (SearchText, "Save the Tigris campaign")),
            Doc(marshes, English, (SearchText, "The marshes are drying")),
        ]);

        AssertFound(_index.Search(Filtered(English, Filter(SearchText, FilterOperation.Contains, "tigris dam"))), damAndRiver);
        AssertFound(_index.Search(Filtered(English, Filter(SearchText, FilterOperation.Contains, "tigris dam", "marshes"))), damAndRiver, marshes);
        AssertFound(_index.Search(Filtered(English, Filter(SearchText, FilterOperation.DoesNotContain, "dam"))), riverOnly, marshes);
    }

    [Fact]
    public void Is_On_Full_Text_Matches_The_Words_In_A_Row()
    {
        var inOrder = Guid.NewGuid();
        var reversed = Guid.NewGuid();
        _index.Index(
        [
            Doc(inOrder, English, (SearchText, "Join the Tigris campaign today")),
            Doc(reversed, English, (SearchText, "A campaign for the Tigris")),
        ]);

        AssertFound(_index.Search(Filtered(English, Filter(SearchText, FilterOperation.Is, "tigris campaign"))), inOrder);
        AssertFound(_index.Search(Filtered(English, Filter(SearchText, FilterOperation.IsNot, "tigris campaign"))), reversed);
    }

    [Fact]
    public void Can_Find_Sorani_Kurdish_Text_By_Whole_Words()
    {
        var campaign = Guid.NewGuid();
        _index.Index([Doc(campaign, Kurdish, (SearchText, "هەڵمەتی ڕزگارکردنی ڕووباری دیجلە"))]);

        AssertFound(_index.Search(Filtered(Kurdish, Filter(SearchText, FilterOperation.Contains, "دیجلە"))), campaign);
        AssertFound(_index.Search(Filtered(Arabic, Filter(SearchText, FilterOperation.Contains, "دیجلە"))));
    }

    [Fact]
    public void An_English_Query_Sees_English_And_Invariant_Documents_Only()
    {
        var item = Guid.NewGuid();
        var invariant = Guid.NewGuid();
        _index.Index(
        [
            Doc(item, English, (Name, "Save the Tigris")),
            Doc(item, Arabic, (Name, "إنقاذ دجلة")),
            Doc(invariant, null, (Campaign, "save-the-tigris")),
            Doc(Guid.NewGuid(), Arabic, (Name, "الأهوار")),
        ]);

        AssertFound(_index.Search(Query("en-us")), item, invariant);
        AssertFound(_index.Search(Query(English)), item, invariant);
    }

    [Fact]
    public void A_Query_Without_A_Culture_Sees_Invariant_Documents_Only()
    {
        var invariant = Guid.NewGuid();
        _index.Index([Doc(Guid.NewGuid(), English, (Name, "Save the Tigris")), Doc(invariant, null, (Campaign, "save-the-tigris"))]);

        AssertFound(_index.Search(Query()), invariant);
    }

    [Fact]
    public void An_Arabic_Query_Finds_Invariant_Text_Too()
    {
        var arabic = Guid.NewGuid();
        var invariant = Guid.NewGuid();
        _index.Index([Doc(arabic, Arabic, (SearchText, ArabicTitle)), Doc(invariant, null, (SearchText, "نهر دجلة"))]);

        AssertFound(_index.Search(Filtered(Arabic, Filter(SearchText, FilterOperation.Contains, "دجلة"))), arabic, invariant);
    }
}
