using IcssiCms.Core.Schema;
using IcssiCms.UnitTests.Support;
using IcssiCms.Usync;
using IcssiCms.Usync.Editors;
using IcssiCms.Usync.Model;

namespace IcssiCms.UnitTests.Usync.Forms;

/// <summary>What the reader makes of the hub's forms and dictionary, and of forms it cannot read.</summary>
public sealed class FormsFolderTests : IDisposable
{
    private const string VisaNotice =
        "Please notice that ICSSI cannot support participants in the visa process with Norwegian authorities. You may need a Schengen visa to enter Norway.";

    private readonly TempUsyncFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static UsyncForm Form(string alias) => Assert.Single(HubFolder.Set.Forms, f => f.Alias == alias);

    private static string English(string text) => Translation(text, HubCultures.English);

    private static string Translation(string text, string culture)
    {
        Assert.StartsWith("#", text);
        var item = Assert.Single(HubFolder.Set.Dictionary, d => d.Alias == text[1..]);
        return item.Translations[culture];
    }

    [Fact]
    public void The_Hub_Folder_Holds_Both_Forms_And_Reads_And_Validates_Without_Problems()
    {
        Assert.True(HubFolder.Read.IsValid, ProblemAssert.Describe(HubFolder.Read.Problems));
        Assert.Empty(ProblemAssert.ValidationProblemsOf(HubFolder.Path));

        Assert.Equal(["campaignSignUp", "icssiConference2014Registration"], HubFolder.Set.Forms.Select(f => f.Alias).Order(StringComparer.Ordinal));
        var registration = Form("icssiConference2014Registration");
        Assert.Equal(FormFiles.RegistrationKey, registration.Key);
        Assert.Equal("ICSSI Conference 2014 registration", registration.Name);
        Assert.Equal(FormFiles.Registration, registration.Source.File);
        Assert.Equal("Campaign sign-up", Form("campaignSignUp").Name);
    }

    [Fact]
    public void The_Registration_Form_Has_Its_Fields_In_Order_On_One_Page()
    {
        var form = Form("icssiConference2014Registration");

        Assert.Single(form.Pages);
        Assert.Equal(
            ["name", "email", "country", "organisation", "role", "roleOther", "attend", "schengenVisa", "accessibility", "consent"],
            form.Fields.Select(f => f.Alias));
        Assert.Equal(
            ["name", "email", "country", "role", "attend", "schengenVisa", "consent"],
            form.Fields.Where(f => f.Mandatory).Select(f => f.Alias));
        Assert.Equal(["name", "email", "accessibility"], form.Fields.Where(f => f.ContainsSensitiveData).Select(f => f.Alias));

        var email = form.Fields.Single(f => f.Alias == "email");
        Assert.Equal(FormFieldTypes.ShortAnswer.Id, email.FieldTypeId);
        Assert.Equal("email", email.Settings["fieldType"]);
        Assert.Equal("email", email.Settings["autocompleteAttribute"]);
        Assert.Matches(email.RegEx, "participant@example.org");
        Assert.DoesNotMatch(email.RegEx, "not an address");
        Assert.Equal("country-name", form.Fields.Single(f => f.Alias == "country").Settings["autocompleteAttribute"]);

        var role = form.Fields.Single(f => f.Alias == "role");
        Assert.Equal(FormFieldTypes.SingleChoice.Id, role.FieldTypeId);
        Assert.Equal(["activist", "tradeUnionist", "journalist", "researcher", "other"], role.PreValues.Select(p => p.Value));

        var roleOther = form.Fields.Single(f => f.Alias == "roleOther");
        var shown = Assert.IsType<FormCondition>(roleOther.Condition);
        Assert.Equal(("Show", "All"), (shown.ActionType, shown.LogicType));
        Assert.Equal(new FormConditionRule(role.Id, "Is", "other"), Assert.Single(shown.Rules));
        Assert.Null(role.Condition);
    }

    [Fact]
    public void The_Registration_Form_Books_The_Social_Event_The_Conference_And_The_Iraq_Session()
    {
        var attend = Form("icssiConference2014Registration").Fields.Single(f => f.Alias == "attend");

        Assert.Equal(FormFieldTypes.MultipleChoice.Id, attend.FieldTypeId);
        Assert.Equal(
            ["Content/social-event.config", "Content/icssi-conference-2014.config", "Content/hope-for-peace-and-development-in-iraq-meet-the-iraqi-social-forum.config"],
            attend.PreValues.Select(p => HubFolder.Set.Content.Single(c => c.Key == Guid.Parse(p.Value)).Source.File));
        Assert.Equal(
            ["Social event, 27 October", "Conference sessions, 28–29 October",
             "Hope for Peace and Development in Iraq: Meet the Iraqi Social Forum (Globalization Conference), 31 October"],
            attend.PreValues.Select(p => English(p.Caption)));
    }

    [Fact]
    public void The_Visa_Question_Carries_The_Calls_Visa_Notice_In_English_And_Arabic()
    {
        var visa = Form("icssiConference2014Registration").Fields.Single(f => f.Alias == "schengenVisa");
        var register = HubFolder.ContentIn("Content/register.config");

        Assert.Equal(["yes", "no"], visa.PreValues.Select(p => p.Value));
        Assert.Equal(VisaNotice, English(visa.HelpText));
        Assert.Equal(
            register.Properties.Single(v => v.Alias == HubContentTypes.RegistrationPage.VisaNotice && v.Culture == HubCultures.Arabic).Value,
            Translation(visa.HelpText, HubCultures.Arabic));
    }

    [Theory]
    [InlineData("icssiConference2014Registration", "attend")]
    [InlineData("campaignSignUp", "campaigns")]
    public void Both_Forms_Run_The_Registration_Workflow_On_Submit_With_Consent(string alias, string placesField)
    {
        var form = Form(alias);
        var workflow = Assert.Single(form.Workflows);

        Assert.Equal(RegistrationWorkflowType.Id, workflow.WorkflowTypeId);
        Assert.True(workflow.Active);
        Assert.Equal("Submit", workflow.ExecutesOn);
        Assert.Equal(
            new Dictionary<string, string> { ["emailField"] = "email", ["nameField"] = "name", ["placesField"] = placesField, ["consentField"] = "consent" },
            workflow.Settings);
        Assert.Equal(form.Source.File, form.Source.File);
        Assert.Equal(_folder.LineOf(form.Source.File, "<Workflow>"), workflow.Line);

        var consent = form.Fields.Single(f => f.Alias == "consent");
        Assert.Equal(FormFieldTypes.DataConsent.Id, consent.FieldTypeId);
        Assert.True(consent.Mandatory);
        Assert.Contains("ICSSI stores these details", English(consent.Settings["acceptCopy"]), StringComparison.Ordinal);
        Assert.Contains("check your e-mail to confirm", English(form.Settings.MessageOnSubmit), StringComparison.Ordinal);
        Assert.False(form.Settings.MessageOnSubmitIsHtml);
    }

    [Fact]
    public void The_Campaign_Form_Offers_The_Six_Campaigns_By_Key_With_Their_Names()
    {
        var form = Form("campaignSignUp");
        var campaigns = form.Fields.Single(f => f.Alias == "campaigns");
        var list = HubFolder.ContentIn(FormFiles.Campaigns);

        Assert.Equal(["name", "email", "country", "campaigns", "consent"], form.Fields.Select(f => f.Alias));
        Assert.Equal(
            HubFolder.Set.Content.Where(c => c.ParentKey == list.Key).Select(c => c.Key).Order(),
            campaigns.PreValues.Select(p => Guid.Parse(p.Value)).Order());
        Assert.All(campaigns.PreValues, p =>
        {
            var campaign = HubFolder.Set.Content.Single(c => c.Key == Guid.Parse(p.Value));
            Assert.Equal(campaign.NameIn(HubCultures.English), Translation(p.Caption, HubCultures.English));
            Assert.Equal(campaign.NameIn(HubCultures.Arabic), Translation(p.Caption, HubCultures.Arabic));
        });

        var signUpForm = list.Properties.Single(v => v.Alias == HubContentTypes.CampaignList.SignUpForm);
        Assert.Equal(form.Key, Guid.Parse(signUpForm.Value));
    }

    [Fact]
    public void Every_Text_Of_Both_Forms_Is_A_Dictionary_Key_Translated_In_English_And_Arabic_But_Not_Kurdish()
    {
        var texts = HubFolder.Set.Forms.SelectMany(f => f.Fields.SelectMany(x =>
                new[] { x.Caption, x.HelpText, x.Settings.GetValueOrDefault("acceptCopy") ?? string.Empty }.Concat(x.PreValues.Select(p => p.Caption)))
            .Concat([f.Settings.MessageOnSubmit, f.Settings.SubmitLabel, f.Settings.RequiredErrorMessage, f.Settings.InvalidErrorMessage]))
            .Where(t => t.Length > 0)
            .ToList();

        Assert.All(texts, t => Assert.StartsWith("#Forms.", t));
        Assert.All(texts, t =>
        {
            var item = Assert.Single(HubFolder.Set.Dictionary, d => d.Alias == t[1..]);
            Assert.Equal([HubCultures.Arabic, HubCultures.English], item.Translations.Keys.Order(StringComparer.Ordinal));
            Assert.Matches(@"\p{IsArabic}", item.Translations[HubCultures.Arabic]);
        });
        Assert.DoesNotContain(HubFolder.Set.Dictionary, d => d.Translations.ContainsKey(HubCultures.SoraniKurdish));
    }

    [Fact]
    public void Reads_A_Dictionary_Item_Its_Parent_Level_And_Translations()
    {
        var root = Assert.Single(HubFolder.Set.Dictionary, d => d.ParentAlias is null);
        var activist = Assert.Single(HubFolder.Set.Dictionary, d => d.Alias == "Forms.Role.Activist");

        Assert.Equal(("Forms", 0), (root.Alias, root.Level));
        Assert.Empty(root.Translations);
        Assert.Equal(("Forms.Role", 2), (activist.ParentAlias, activist.Level));
        Assert.Equal("Activist", activist.Translations[HubCultures.English]);
        Assert.Equal(("Dictionary/forms.role.activist.config", 2), (activist.Source.File, activist.Source.Line));
    }

    [Fact]
    public void A_Field_Knows_The_Line_Of_Its_Object_In_The_Pages_Json()
    {
        var form = Form("icssiConference2014Registration");

        Assert.All(form.Fields, f => Assert.Equal(_folder.FieldLine(FormFiles.Registration, f.Alias), f.Line));
        Assert.Equal(_folder.LineOf(FormFiles.Registration, "\"fieldSets\": [") + 1, form.Pages[0].FieldSets[0].Line);
    }

    [Fact]
    public void Bad_Json_In_Pages_Is_A_Problem_At_The_Line_Of_Pages()
    {
        _folder.Replace(FormFiles.CampaignSignUp, "\"alias\": \"country\",", "\"alias\": \"country\"");

        var problems = ProblemAssert.ProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, FormFiles.CampaignSignUp, _folder.LineOf(FormFiles.CampaignSignUp, "<Pages>"), "<Pages> is not valid JSON");
    }

    [Fact]
    public void An_Unknown_Json_Property_Is_Refused_Rather_Than_Ignored()
    {
        _folder.EditField(FormFiles.CampaignSignUp, "country", f => f["helpText"] = "Where you live");

        var problems = ProblemAssert.ProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, FormFiles.CampaignSignUp, _folder.LineOf(FormFiles.CampaignSignUp, "<Pages>"), "<Pages> is not valid JSON", "helpText");
    }

    [Fact]
    public void A_Field_Without_An_Alias_Is_A_Problem_At_Its_Line()
    {
        var id = HubFolder.Set.Forms.Single(f => f.Alias == "campaignSignUp").Fields.Single(f => f.Alias == "country").Id;
        _folder.EditField(FormFiles.CampaignSignUp, "country", f => f["alias"] = string.Empty);

        var problems = ProblemAssert.ProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, FormFiles.CampaignSignUp, _folder.LineOf(FormFiles.CampaignSignUp, $"\"id\": \"{id}\"") - 1, $"Field {id} has no alias");
    }

    [Fact]
    public void Workflow_Settings_That_Are_Not_Json_Are_A_Problem_At_Their_Line()
    {
        _folder.Replace(FormFiles.CampaignSignUp, "\"consentField\":\"consent\"}", "\"consentField\":\"consent\"");

        var problems = ProblemAssert.ProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, FormFiles.CampaignSignUp, _folder.LineOf(FormFiles.CampaignSignUp, "<Settings>"),
            "<Settings> of workflow 'Registration' is not a JSON object of strings");
    }

    [Fact]
    public void A_Dictionary_Item_With_Two_Translations_For_One_Language_Is_A_Problem()
    {
        const string file = "Dictionary/forms.name.config";
        _folder.Replace(file, "<Translation Language=\"ar\">", "<Translation Language=\"en-US\">");

        var problems = ProblemAssert.ProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, file, _folder.LineOf(file, "<Translation Language=\"en-US\">Name"), "'Forms.Name' has two translations for 'en-US'");
    }

    [Fact]
    public void A_Form_File_Must_Hold_A_Forms_Form()
    {
        _folder.Replace(FormFiles.CampaignSignUp, "<forms-form Key=", "<form Key=");
        _folder.Replace(FormFiles.CampaignSignUp, "</forms-form>", "</form>");

        var problems = ProblemAssert.ProblemsOf(_folder.Path);

        ProblemAssert.HasOnly(problems, FormFiles.CampaignSignUp, 2, "<form> does not belong in Forms/", "<forms-form>");
    }
}
