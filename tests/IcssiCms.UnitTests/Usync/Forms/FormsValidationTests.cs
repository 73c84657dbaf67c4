using System.Text.Json.Nodes;
using IcssiCms.UnitTests.Support;
using IcssiCms.Usync.Editors;

namespace IcssiCms.UnitTests.Usync.Forms;

/// <summary>
/// Each test copies the hub folder, breaks one thing in a form, a dictionary item or a form picker, and checks that the
/// strict import names the file, the line and (for a field) the field's alias.
/// </summary>
public sealed class FormsValidationTests : IDisposable
{
    private const string Campaign = FormFiles.CampaignSignUp;
    private const string Registration = FormFiles.Registration;

    private readonly TempUsyncFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private IReadOnlyList<global::IcssiCms.Usync.Model.UsyncProblem> Problems() => ProblemAssert.ValidationProblemsOf(_folder.Path);

    private static Guid FieldId(string formAlias, string fieldAlias) =>
        HubFolder.Set.Forms.Single(f => f.Alias == formAlias).Fields.Single(f => f.Alias == fieldAlias).Id;

    [Fact]
    public void Cannot_Import_Two_Forms_With_The_Same_Key()
    {
        var campaign = HubFolder.Set.Forms.Single(f => f.Alias == "campaignSignUp");
        _folder.Replace(Campaign, $"Key=\"{campaign.Key}\"", $"Key=\"{FormFiles.RegistrationKey}\"");
        _folder.Replace(FormFiles.Campaigns, campaign.Key.ToString(), FormFiles.RegistrationKey.ToString());

        ProblemAssert.HasOnly(Problems(), Registration, 2, "Duplicate form key", FormFiles.RegistrationKey.ToString(), $"{Campaign}:2 already has it");
    }

    [Fact]
    public void Cannot_Import_Two_Forms_With_The_Same_Alias()
    {
        _folder.Replace(Campaign, "Alias=\"campaignSignUp\"", "Alias=\"IcssiConference2014Registration\"");

        ProblemAssert.HasOnly(Problems(), Registration, 2, "Duplicate form alias 'IcssiConference2014Registration'", $"{Campaign}:2 already has it");
    }

    [Fact]
    public void Cannot_Import_Two_Fields_With_The_Same_Id()
    {
        var email = FieldId("campaignSignUp", "email");
        _folder.EditField(Campaign, "country", f => f["id"] = email.ToString());

        ProblemAssert.HasOnly(Problems(), Campaign, _folder.FieldLine(Campaign, "country"),
            "Duplicate field id", email.ToString(), $"{Campaign}:{_folder.FieldLine(Campaign, "email")} already has it");
    }

    [Fact]
    public void Cannot_Import_Two_Fields_With_The_Same_Alias()
    {
        _folder.EditField(Campaign, "country", f => f["alias"] = "Email");

        ProblemAssert.HasOnly(Problems(), Campaign, _folder.FieldLine(Campaign, "Email"), "Duplicate field alias 'email'", $"{Campaign}:{_folder.FieldLine(Campaign, "email")}");
    }

    [Theory]
    [InlineData("2country")]
    [InlineData("country-name")]
    [InlineData("country name")]
    public void A_Field_Alias_Must_Be_An_Identifier(string alias)
    {
        _folder.EditField(Campaign, "country", f => f["alias"] = alias);

        ProblemAssert.HasOnly(Problems(), Campaign, _folder.FieldLine(Campaign, alias), $"Field '{alias}'", "must be an identifier");
    }

    [Fact]
    public void Cannot_Import_A_Field_Of_An_Unknown_Type()
    {
        var unknown = Guid.NewGuid();
        _folder.EditField(Registration, "organisation", f => f["fieldTypeId"] = unknown.ToString());

        ProblemAssert.HasOnly(Problems(), Registration, _folder.FieldLine(Registration, "organisation"),
            "Field 'organisation'", $"fieldTypeId {unknown} is not a Forms field type");
    }

    [Fact]
    public void A_Choice_Field_Needs_Prevalues()
    {
        _folder.EditField(Registration, "role", f => f["preValues"] = new JsonArray());

        ProblemAssert.HasOnly(Problems(), Registration, _folder.FieldLine(Registration, "role"), "Field 'role'", "a singleChoice field needs at least one prevalue");
    }

    [Fact]
    public void A_Choice_Fields_Prevalue_Values_Are_Unique()
    {
        _folder.EditField(Registration, "role", f => f["preValues"]!.AsArray().Add(new JsonObject { ["value"] = "other", ["caption"] = "#Forms.Role.Other" }));

        ProblemAssert.HasOnly(Problems(), Registration, _folder.FieldLine(Registration, "role"), "Field 'role'", "prevalue value 'other' is given 2 times");
    }

    [Fact]
    public void A_Fields_RegEx_Must_Compile()
    {
        _folder.EditField(Registration, "email", f => f["regEx"] = "^[^@]+@(");

        ProblemAssert.HasOnly(Problems(), Registration, _folder.FieldLine(Registration, "email"), "Field 'email'", "regEx '^[^@]+@(' is not a valid .NET regular expression");
    }

    [Theory]
    [InlineData("actionType", "Toggle", "condition actionType 'Toggle' is not Show or Hide")]
    [InlineData("logicType", "Some", "condition logicType 'Some' is not All or Any")]
    public void A_Condition_Shows_Or_Hides_On_All_Or_Any_Rules(string property, string value, string message)
    {
        _folder.EditField(Registration, "roleOther", f => f["condition"]![property] = value);

        ProblemAssert.HasOnly(Problems(), Registration, _folder.FieldLine(Registration, "roleOther"), "Field 'roleOther'", message);
    }

    [Theory]
    [InlineData("Equals")]
    [InlineData("is")]
    [InlineData("GreaterThan")]
    public void A_Condition_Rule_Uses_One_Of_Forms_Operators(string op)
    {
        _folder.EditField(Registration, "roleOther", f => f["condition"]!["rules"]![0]!["operator"] = op);

        ProblemAssert.HasOnly(Problems(), Registration, _folder.FieldLine(Registration, "roleOther"), "Field 'roleOther'", $"condition operator '{op}' is not one of Forms' operators");
    }

    [Fact]
    public void A_Condition_Rule_Names_A_Field_Of_The_Same_Form()
    {
        var otherForms = FieldId("campaignSignUp", "campaigns");
        _folder.EditField(Registration, "roleOther", f => f["condition"]!["rules"]![0]!["field"] = otherForms.ToString());

        ProblemAssert.HasOnly(Problems(), Registration, _folder.FieldLine(Registration, "roleOther"),
            "Field 'roleOther'", $"names field {otherForms}, which is not a field of form 'icssiConference2014Registration'");
    }

    [Fact]
    public void A_Disabled_Condition_Is_No_Condition()
    {
        _folder.EditField(Registration, "roleOther", f =>
        {
            f["condition"]!["enabled"] = false;
            f["condition"]!["actionType"] = "Toggle";
        });

        Assert.Empty(Problems());
    }

    [Fact]
    public void A_Consent_Field_Must_Be_Mandatory()
    {
        _folder.EditField(Campaign, "consent", f => f["mandatory"] = false);

        ProblemAssert.HasOnly(Problems(), Campaign, _folder.FieldLine(Campaign, "consent"), "Field 'consent'", "a dataConsent field must be mandatory");
    }

    [Fact]
    public void A_Consent_Field_Needs_The_Text_The_Visitor_Accepts()
    {
        _folder.EditField(Campaign, "consent", f => f["settings"] = new JsonObject());

        ProblemAssert.HasOnly(Problems(), Campaign, _folder.FieldLine(Campaign, "consent"), "Field 'consent'", "needs settings.acceptCopy");
    }

    [Theory]
    [InlineData("caption")]
    [InlineData("toolTip")]
    [InlineData("placeholder")]
    public void A_Fields_Text_Starting_With_Hash_Must_Name_A_Dictionary_Item(string property)
    {
        _folder.EditField(Campaign, "country", f => f[property] = "#Forms.Nowhere");

        ProblemAssert.HasOnly(Problems(), Campaign, _folder.FieldLine(Campaign, "country"),
            "Field 'country'", "'#Forms.Nowhere' names dictionary key 'Forms.Nowhere', which is not a dictionary item in the set");
    }

    [Fact]
    public void A_Consent_Text_And_Prevalue_Captions_Starting_With_Hash_Must_Name_Dictionary_Items()
    {
        _folder.EditField(Campaign, "consent", f => f["settings"]!["acceptCopy"] = "#Forms.Consent.Missing");
        _folder.EditField(Campaign, "campaigns", f => f["preValues"]![0]!["caption"] = "#Forms.Campaigns.Missing");

        var problems = Problems();

        ProblemAssert.Has(problems, Campaign, _folder.FieldLine(Campaign, "consent"), "Field 'consent': settings.acceptCopy", "'Forms.Consent.Missing'");
        ProblemAssert.Has(problems, Campaign, _folder.FieldLine(Campaign, "campaigns"), "Field 'campaigns': the caption of prevalue", "'Forms.Campaigns.Missing'");
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void A_Forms_Messages_And_Labels_Starting_With_Hash_Must_Name_Dictionary_Items()
    {
        _folder.Replace(Campaign, "<MessageOnSubmit IsHtml=\"false\">#Forms.SignUpMessage<", "<MessageOnSubmit IsHtml=\"false\">#Forms.Thanks<");
        _folder.Replace(Campaign, "<SubmitLabel>#Forms.SignUp<", "<SubmitLabel>#Forms.Go<");

        var problems = Problems();

        ProblemAssert.Has(problems, Campaign, 2, "Form 'campaignSignUp': MessageOnSubmit '#Forms.Thanks'", "not a dictionary item");
        ProblemAssert.Has(problems, Campaign, 2, "Form 'campaignSignUp': SubmitLabel '#Forms.Go'", "not a dictionary item");
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Removing_A_Dictionary_Item_A_Form_Uses_Refuses_The_Form()
    {
        _folder.Delete("Dictionary/forms.organisation.config");

        ProblemAssert.HasOnly(Problems(), Registration, _folder.FieldLine(Registration, "organisation"), "Field 'organisation': caption '#Forms.Organisation'");
    }

    [Fact]
    public void Cannot_Import_A_Workflow_This_Host_Does_Not_Run()
    {
        var sendEmail = Guid.NewGuid();
        _folder.Replace(Campaign, $"<WorkflowTypeId>{RegistrationWorkflowType.Id}<", $"<WorkflowTypeId>{sendEmail}<");

        ProblemAssert.HasOnly(Problems(), Campaign, _folder.LineOf(Campaign, "<Workflow>"),
            "Workflow 'Registration' of form 'campaignSignUp'", $"WorkflowTypeId {sendEmail} is not a workflow this host runs");
    }

    [Theory]
    [InlineData("\"emailField\":\"email\"", "\"emailField\":\"country\"", "emailField 'country' must be a shortAnswer with settings.fieldType \"email\" field")]
    [InlineData("\"emailField\":\"email\"", "\"emailField\":\"mail\"", "emailField 'mail' is not a field of the form")]
    [InlineData("\"nameField\":\"name\"", "\"nameField\":\"campaigns\"", "nameField 'campaigns' must be a shortAnswer field")]
    [InlineData("\"placesField\":\"campaigns\"", "\"placesField\":\"country\"", "placesField 'country' must be a dropdown, singleChoice or multipleChoice field")]
    [InlineData("\"consentField\":\"consent\"", "\"consentField\":\"email\"", "consentField 'email' must be a dataConsent field")]
    [InlineData("\"consentField\":\"consent\"", "\"consent\":\"consent\"", "setting 'consentField' is missing")]
    public void The_Registration_Workflow_Must_Name_Fields_Of_The_Right_Kind(string setting, string broken, string message)
    {
        _folder.Replace(Campaign, setting, broken);

        ProblemAssert.HasOnly(Problems(), Campaign, _folder.LineOf(Campaign, "<Workflow>"), "Workflow 'Registration' of form 'campaignSignUp'", message);
    }

    [Fact]
    public void The_Registration_Workflow_Books_Only_Content_Items_Of_The_Set()
    {
        var nowhere = Guid.NewGuid().ToString();
        _folder.EditField(Campaign, "campaigns", f => f["preValues"]![0]!["value"] = nowhere);

        ProblemAssert.HasOnly(Problems(), Campaign, _folder.FieldLine(Campaign, "campaigns"),
            "Field 'campaigns'", $"prevalue '{nowhere}' is not the key of a content item in the set");
    }

    [Fact]
    public void A_Form_Picker_Must_Hold_The_Key_Of_A_Form_In_The_Set()
    {
        var campaign = HubFolder.Set.Forms.Single(f => f.Alias == "campaignSignUp");
        var nowhere = Guid.NewGuid();
        _folder.Replace(FormFiles.Campaigns, campaign.Key.ToString(), nowhere.ToString());

        ProblemAssert.HasOnly(Problems(), FormFiles.Campaigns, _folder.LineOf(FormFiles.Campaigns, nowhere.ToString()),
            "'signUpForm'", $"form {nowhere} is not a form in the set");
    }

    [Fact]
    public void Deleting_A_Form_That_Content_Still_Picks_Is_Refused_At_The_Picker()
    {
        var campaign = HubFolder.Set.Forms.Single(f => f.Alias == "campaignSignUp");
        _folder.WriteEmptyMarker(Campaign, campaign.Key, campaign.Alias, "Delete");

        ProblemAssert.HasOnly(Problems(), FormFiles.Campaigns, _folder.LineOf(FormFiles.Campaigns, campaign.Key.ToString()), "'signUpForm'", "is not a form in the set");
    }

    [Fact]
    public void A_Delete_Marker_For_A_Form_Another_File_Still_Defines_Is_Refused()
    {
        const string marker = "Forms/old-registration.config";
        _folder.Write(marker, $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Empty Key=\"{FormFiles.RegistrationKey}\" Alias=\"icssiConference2014Registration\" Change=\"Delete\" />");

        ProblemAssert.HasOnly(Problems(), marker, 2, $"Key {FormFiles.RegistrationKey} is marked for deletion, but another file still defines it");
    }

    [Fact]
    public void Cannot_Import_Two_Dictionary_Items_With_The_Same_Key_String()
    {
        const string file = "Dictionary/forms.yes.config";
        _folder.Replace(file, "Alias=\"Forms.Yes\"", "Alias=\"forms.no\"");

        var problems = Problems();

        ProblemAssert.Has(problems, file, 2, "Duplicate dictionary key 'Forms.No'", "Dictionary/forms.no.config:2 already has it");
        ProblemAssert.Has(problems, Registration, _folder.FieldLine(Registration, "schengenVisa"), "'#Forms.Yes'");
    }

    [Fact]
    public void A_Dictionary_Items_Parent_Must_Be_In_The_Set()
    {
        const string file = "Dictionary/forms.role.activist.config";
        _folder.Replace(file, "<Parent>Forms.Role</Parent>", "<Parent>Forms.Roles</Parent>");

        ProblemAssert.HasOnly(Problems(), file, 2, "The parent 'Forms.Roles' of 'Forms.Role.Activist' is not a dictionary item in the set");
    }

    [Theory]
    [InlineData("Dictionary/forms.role.activist.config", "Level=\"2\"", "Level=\"1\"", "'Forms.Role.Activist' has Level 1, but its parent 'Forms.Role' is at level 1")]
    [InlineData("Dictionary/forms.config", "Level=\"0\"", "Level=\"1\"", "'Forms' has no parent, so its Level is 0, not 1")]
    public void A_Dictionary_Items_Level_Is_One_Below_Its_Parent(string file, string level, string wrong, string message)
    {
        _folder.Replace(file, level, wrong);

        ProblemAssert.Has(Problems(), file, 2, message);
    }

    [Fact]
    public void A_Dictionary_Translation_Must_Be_In_A_Language_Of_The_Set()
    {
        const string file = "Dictionary/forms.name.config";
        _folder.Replace(file, "<Translation Language=\"ar\">", "<Translation Language=\"fr\">");

        ProblemAssert.HasOnly(Problems(), file, 2, "'Forms.Name' has a translation for 'fr', which is not a language in the set");
    }
}
