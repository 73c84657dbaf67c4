using IcssiCms.Core.Schema;
using IcssiCms.UnitTests.Support;

namespace IcssiCms.UnitTests.Usync.Validation;

/// <summary>
/// Each test copies the real hub folder, breaks one thing in one file, and checks that the strict import names
/// the file, the line and what is wrong.
/// </summary>
public sealed class UsyncSetValidatorTests : IDisposable
{
    private const string SaveTheTigris = "Content/save-the-tigris.config";
    private const string CampaignType = "ContentTypes/campaign.config";
    private const string News = "Content/call-for-international-participants.config";

    private readonly TempUsyncFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Cannot_Import_Two_Content_Files_With_The_Same_Key()
    {
        var freedom = HubFolder.ContentIn("Content/freedom-of-expression.config");
        var tigris = HubFolder.ContentIn(SaveTheTigris);
        _folder.Replace(SaveTheTigris, $"<Content Key=\"{tigris.Key}\"", $"<Content Key=\"{freedom.Key}\"");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.Has(problems, SaveTheTigris, _folder.LineOf(SaveTheTigris, "<Content Key="),
            "Duplicate content key", freedom.Key.ToString(), $"{freedom.Source.File}:{freedom.Source.Line} already has it");
    }

    [Fact]
    public void Cannot_Import_Two_Document_Types_With_The_Same_Alias()
    {
        const string file = "ContentTypes/conferencelist.config";
        _folder.Replace(file, "Alias=\"conferenceList\"", "Alias=\"campaignList\"");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.Has(problems, file, _folder.LineOf(file, "Alias=\"campaignList\""),
            "Duplicate document type alias 'campaignList'", "ContentTypes/campaignlist.config:2 already has it");
    }

    [Fact]
    public void Cannot_Import_A_Property_Whose_Data_Type_Is_Missing()
    {
        var missing = Guid.NewGuid();
        _folder.Replace(CampaignType, "<Definition>2e6d3631-066e-44b8-aec4-96f09099b2b5</Definition>", $"<Definition>{missing}</Definition>");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, CampaignType, _folder.LineOfEnclosing(CampaignType, missing.ToString(), "<GenericProperty>"),
            "Property 'displayOrder' uses data type", missing.ToString(), "not in the set");
    }

    [Fact]
    public void Cannot_Import_A_Property_Whose_Type_Differs_From_Its_Data_Types_Editor()
    {
        _folder.Replace(CampaignType, "<Type>Umbraco.Integer</Type>", "<Type>Umbraco.Decimal</Type>");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, CampaignType, _folder.LineOfEnclosing(CampaignType, "Umbraco.Decimal", "<GenericProperty>"),
            "Property 'displayOrder' says editor 'Umbraco.Decimal', but data type 'Numeric' uses 'Umbraco.Integer'");
    }

    [Fact]
    public void Cannot_Import_Two_Properties_Of_A_Group_On_One_Sort_Order()
    {
        _folder.Replace(CampaignType, "<SortOrder>13</SortOrder>", "<SortOrder>10</SortOrder>");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, CampaignType, _folder.LineOfEnclosing(CampaignType, "<Alias>displayOrder</Alias>", "<GenericProperty>"),
            "Property 'displayOrder' has sort order 10, as 'body'", $"(line {_folder.LineOfEnclosing(CampaignType, "<Alias>body</Alias>", "<GenericProperty>")})",
            "group 'content'", "its own sort order");
    }

    [Fact]
    public void Cannot_Import_A_Document_Type_With_A_Missing_Composition()
    {
        var missing = Guid.NewGuid();
        _folder.Replace(CampaignType, "<Composition Key=\"5075f922-8a19-5cb3-80e3-fda361957009\">", $"<Composition Key=\"{missing}\">");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, CampaignType, _folder.LineOf(CampaignType, missing.ToString()),
            $"The composition {missing} ('seoControls') is not a document type in the set");
    }

    [Fact]
    public void Cannot_Import_A_Document_Type_That_Allows_A_Missing_Child_Type()
    {
        const string file = "ContentTypes/hubhome.config";
        var missing = Guid.NewGuid();
        _folder.Replace(file, "<ContentType Key=\"e2dd9750-25cd-5f51-a957-0879f70ad5cc\"", $"<ContentType Key=\"{missing}\"");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.Has(problems, file, _folder.LineOf(file, missing.ToString()),
            $"The allowed child {missing} ('partnerList') is not a document type in the set");
    }

    [Fact]
    public void Cannot_Import_Content_Whose_Parent_Is_Missing()
    {
        var missing = Guid.NewGuid();
        _folder.Replace(SaveTheTigris, "<Parent Key=\"c7a746fd-2b71-5fb1-8c26-92c08af7768b\">", $"<Parent Key=\"{missing}\">");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, SaveTheTigris, _folder.LineOf(SaveTheTigris, "<Content Key="),
            $"Parent {missing} is not a content node in the set");
    }

    [Fact]
    public void Cannot_Import_News_That_Picks_A_Missing_Campaign()
    {
        var missing = "umb://document/" + Guid.NewGuid().ToString("N");
        _folder.Replace(News, "umb://document/a9ff1064cf1a5661b8007b3fcfa41fa9", missing);

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, News, _folder.LineOf(News, missing),
            $"'{HubContentTypes.CampaignNews.Campaigns}': picked content {missing} is not a content node in the set");
    }

    [Fact]
    public void Cannot_Import_News_That_Picks_Something_That_Is_Not_A_Document()
    {
        _folder.Replace(News, "umb://document/a9ff1064cf1a5661b8007b3fcfa41fa9", "umb://media/a9ff1064cf1a5661b8007b3fcfa41fa9");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, News, _folder.LineOf(News, "umb://media/"),
            "'umb://media/a9ff1064cf1a5661b8007b3fcfa41fa9' is not a document reference");
    }

    [Fact]
    public void Cannot_Delete_A_Campaign_That_News_Still_Picks()
    {
        const string file = "Content/womens-rights.config";
        var womensRights = HubFolder.ContentIn(file);
        _folder.WriteEmptyMarker(file, womensRights.Key, womensRights.Name, "Delete");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        var udi = "umb://document/" + womensRights.Key.ToString("N");
        ProblemAssert.Has(problems, News, _folder.LineOf(News, udi), $"picked content {udi} is not a content node in the set");
        const string form = "Forms/campaign-sign-up.config";
        ProblemAssert.Has(problems, form, _folder.LineOf(form, "\"alias\": \"campaigns\"") - 2,
            $"Field 'campaigns': prevalue '{womensRights.Key}' is not the key of a content item in the set");
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Cannot_Import_A_Data_Type_With_An_Unknown_Property_Editor()
    {
        const string file = "DataTypes/Tags.config";
        _folder.Replace(file, "<EditorAlias>Umbraco.Tags</EditorAlias>", "<EditorAlias>Umbraco.Tagz</EditorAlias>");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.Has(problems, file, _folder.LineOf(file, "<DataType Key="), "Unknown property editor 'Umbraco.Tagz'");
    }

    [Fact]
    public void Cannot_Import_Content_Of_An_Unknown_Document_Type()
    {
        _folder.Replace(SaveTheTigris, "<ContentType>campaign</ContentType>", "<ContentType>campaignz</ContentType>");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, SaveTheTigris, _folder.LineOf(SaveTheTigris, "<Content Key="), "Document type 'campaignz' is not in the set");
    }

    [Fact]
    public void Cannot_Import_A_Value_In_A_Culture_That_Is_Not_A_Language()
    {
        _folder.Edit(SaveTheTigris, document => document.Descendants(HubContentTypes.PageHeader.Summary).Single()
            .Elements("Value").Single(v => (string?)v.Attribute("Culture") == HubCultures.Arabic)
            .SetAttributeValue("Culture", "fr"));

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, SaveTheTigris, _folder.LineOf(SaveTheTigris, "Culture=\"fr\""),
            "Culture 'fr' of 'summary' is not a language in the set");
    }

    [Fact]
    public void Cannot_Import_A_Node_Named_In_A_Culture_That_Is_Not_A_Language()
    {
        _folder.Replace(SaveTheTigris, "<Name Culture=\"ar\">", "<Name Culture=\"fa\">");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.Has(problems, SaveTheTigris, _folder.LineOf(SaveTheTigris, "<Content Key="), "Culture 'fa' is not a language in the set");
    }

    [Fact]
    public void Cannot_Import_A_Culture_Value_For_An_Invariant_Property()
    {
        _folder.Edit(SaveTheTigris, document => document.Descendants(HubContentTypes.Campaign.DisplayOrder).Single()
            .Element("Value")!.SetAttributeValue("Culture", HubCultures.English));

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, SaveTheTigris, _folder.LineOf(SaveTheTigris, "<Value", after: "<displayOrder>"),
            "'displayOrder' does not vary by culture, but has a value for 'en-US'");
    }

    [Fact]
    public void Cannot_Import_A_Variant_Value_Without_A_Culture()
    {
        _folder.Edit(SaveTheTigris, document => document.Descendants(HubContentTypes.PageHeader.Title).Single()
            .Elements("Value").Single(v => (string?)v.Attribute("Culture") == HubCultures.Arabic)
            .Attribute("Culture")!.Remove());

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, SaveTheTigris, _folder.LineOf(SaveTheTigris, "<Value>", after: "<title>"),
            "'title' varies by culture: its value needs a Culture");
    }

    [Fact]
    public void Cannot_Import_A_Node_Under_A_Parent_That_Does_Not_Allow_Its_Type()
    {
        const string file = "Content/karibu-foundation.config";
        var campaigns = HubFolder.Set.Content.Single(c => c.ContentTypeAlias == HubContentTypes.CampaignList.Alias);
        var partners = HubFolder.ContentIn(file).ParentKey;
        _folder.Replace(file, $"<Parent Key=\"{partners}\">", $"<Parent Key=\"{campaigns.Key}\">");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, file, _folder.LineOf(file, "<Content Key="), "'campaignList' does not allow 'partner' below it");
    }

    [Fact]
    public void Cannot_Import_A_Dropdown_Value_That_Is_Not_One_Of_Its_Items()
    {
        _folder.Replace(SaveTheTigris, "[\"Active\"]", "[\"Dormant\"]");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, SaveTheTigris, _folder.LineOf(SaveTheTigris, "Dormant"),
            "'status': 'Dormant' is not an item of '[Dropdown] Campaign Status'");
    }

    [Fact]
    public void Cannot_Import_A_Whole_Number_Property_Holding_Ten_In_Words()
    {
        _folder.Replace(SaveTheTigris, "<![CDATA[1]]>", "<![CDATA[ten]]>");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, SaveTheTigris, _folder.LineOf(SaveTheTigris, "CDATA[ten]"), "'displayOrder': 'ten' is not a whole number");
    }

    [Fact]
    public void Cannot_Import_A_Date_Property_Holding_Something_Else()
    {
        const string file = "Content/icssi-conference-2014.config";
        _folder.Replace(file, "<![CDATA[2014-10-29T00:00:00]]>", "<![CDATA[end of October]]>");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, file, _folder.LineOf(file, "end of October"), "'endDate': 'end of October' is not a date");
    }

    [Theory]
    [InlineData("-1", "-1 is less than 0, the least 'Capacity' takes")]
    [InlineData("-40", "-40 is less than 0, the least 'Capacity' takes")]
    public void Cannot_Import_A_Capacity_Below_Zero(string capacity, string message)
    {
        const string file = "Content/icssi-conference-2014.config";
        _folder.Replace(file, "  <Properties>\n", $"  <Properties>\n    <capacity>\n      <Value><![CDATA[{capacity}]]></Value>\n    </capacity>\n");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, file, _folder.LineOf(file, $"CDATA[{capacity}]"), $"'capacity': {message}");
    }

    [Fact]
    public void Imports_A_Capacity_Of_Zero_Or_More()
    {
        const string file = "Content/icssi-conference-2014.config";
        _folder.Replace(file, "  <Properties>\n", "  <Properties>\n    <capacity>\n      <Value><![CDATA[0]]></Value>\n    </capacity>\n");

        Assert.Empty(ProblemAssert.ValidationProblemsOf(_folder.Path));
    }

    [Fact]
    public void Cannot_Import_Two_Siblings_With_The_Same_Route()
    {
        _folder.Replace(SaveTheTigris, "<Name Culture=\"en-US\">Save the Tigris</Name>", "<Name Culture=\"en-US\">Freedom of Expression</Name>");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, SaveTheTigris, _folder.LineOf(SaveTheTigris, "<Content Key="),
            "Duplicate route segment in 'en-US' 'freedom-of-expression'", "Content/freedom-of-expression.config:2 already has it");
    }

    [Fact]
    public void Cannot_Import_Two_Default_Languages()
    {
        _folder.Replace("Languages/ar.config", "<IsDefault>false</IsDefault>", "<IsDefault>true</IsDefault>");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, "Languages", 0, "Exactly one language must be the default; 2 are");
    }

    [Fact]
    public void Cannot_Import_A_Language_Falling_Back_To_A_Language_Not_In_The_Set()
    {
        const string file = "Languages/ckb.config";
        _folder.Replace(file, "<Fallback>en-US</Fallback>", "<Fallback>fa</Fallback>");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, file, _folder.LineOf(file, "<Language "), "Fallback language 'fa' is not in the set");
    }

    [Fact]
    public void Lists_Every_Problem_Of_A_Folder_Not_Just_The_First()
    {
        const string numeric = "DataTypes/Numeric.config";
        _folder.Replace(numeric, "<![CDATA[{}]]>", "<![CDATA[{]]>");
        _folder.Replace(CampaignType, @"<Validation>^#[\p{L}\p{N}_]+$</Validation>", @"<Validation>^#[\p{L}\p{N}_+$</Validation>");
        _folder.Replace(SaveTheTigris, "<![CDATA[1]]>", "<![CDATA[ten]]>");
        const string karibu = "Content/karibu-foundation.config";
        _folder.Replace(karibu, "<ContentType>partner</ContentType>", "<ContentType>sponsor</ContentType>");

        var problems = ProblemAssert.ValidationProblemsOf(_folder.Path);

        ProblemAssert.Has(problems, numeric, _folder.LineOf(numeric, "<DataType Key="), "<Config> is not valid JSON");
        ProblemAssert.Has(problems, CampaignType, _folder.LineOfEnclosing(CampaignType, "<Alias>hashtag</Alias>", "<GenericProperty>"),
            "Property 'hashtag' has an invalid validation pattern");
        ProblemAssert.Has(problems, SaveTheTigris, _folder.LineOf(SaveTheTigris, "CDATA[ten]"), "'ten' is not a whole number");
        ProblemAssert.Has(problems, karibu, _folder.LineOf(karibu, "<Content Key="), "Document type 'sponsor' is not in the set");
        Assert.True(problems.Count == 4, "Expected the four problems only: " + ProblemAssert.Describe(problems));
        Assert.Equal(problems.OrderBy(p => p.Source.File, StringComparer.Ordinal).ThenBy(p => p.Source.Line), problems);
    }

    [Fact]
    public void Lists_Problems_Of_Several_Files_Found_While_Reading()
    {
        const string ar = "Languages/ar.config";
        _folder.Replace(ar, "<IsDefault>false</IsDefault>", "<IsDefault>nope</IsDefault>");
        _folder.Replace(CampaignType, "<Mandatory>true</Mandatory>", "<Mandatory>yes</Mandatory>");
        _folder.Replace(SaveTheTigris, "</title>", "</titel>");

        var problems = ProblemAssert.ProblemsOf(_folder.Path);

        ProblemAssert.Has(problems, ar, _folder.LineOf(ar, "<IsDefault>"), "<IsDefault> 'nope' is not true or false");
        ProblemAssert.Has(problems, CampaignType, _folder.LineOf(CampaignType, "<Mandatory>yes"), "<Mandatory> 'yes' is not true or false");
        ProblemAssert.Has(problems, SaveTheTigris, _folder.LineOf(SaveTheTigris, "</titel>"), "Not well-formed XML");
        Assert.Equal(3, problems.Select(p => p.Source.File).Distinct().Count());
    }

    [Fact]
    public void A_Hub_Folder_Read_From_A_Copy_Has_No_Problems()
    {
        var problems = ProblemAssert.ProblemsOf(_folder.Path);

        Assert.True(problems.Count == 0, ProblemAssert.Describe(problems));
    }
}
