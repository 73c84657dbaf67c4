using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcssiCms.Core.Schema;
using IcssiCms.IntegrationTests.Delivery;

namespace IcssiCms.IntegrationTests.Forms;

/// <summary>Entries the hub accepts (202) and those it sends back with the fields to correct (422).</summary>
[Collection(FormsApiCollection.Name)]
public sealed class FormEntryTests(FormsHubFixture hub) : IClassFixture<FormsHubFixture>
{
    public static TheoryData<string> Cultures => [HubCultures.English, HubCultures.Arabic];

    private static IReadOnlyDictionary<string, string> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => Assert.Single(e.Value.EnumerateArray()).GetString()!);

    private async Task<IReadOnlyList<JsonElement>> StaffRowsOf(string email) =>
        [.. (await hub.Server.StaffRegistrationsAsync(FormsHostFixture.StaffApiKey)).Where(r => r.GetProperty("email").GetString() == email)];

    private async Task<IReadOnlyDictionary<string, string[]>> StoredValuesOf(string email)
    {
        var subject = await hub.Server.DataSubjectAsync(FormsHostFixture.StaffApiKey, email);
        var record = Assert.Single(subject.GetProperty("records").EnumerateArray());
        return record.GetProperty("values").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task A_Registration_Is_Accepted_With_The_Translated_Message_And_A_Place_At_Each_Chosen_Event(string culture)
    {
        var email = HubForms.UniqueEmail("layla");
        var values = HubForms.RegistrationValues("Layla Hassan", email, HubForms.SocialEvent, HubForms.IraqSession);

        using var response = await hub.Server.SubmitAsync(HubForms.Registration, values, culture);

        var accepted = await FormsClient.ReadJsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(HubDictionary.Text("Forms.RegisterMessage", culture), accepted.GetProperty("messageOnSubmit").GetString());
        Assert.False(accepted.GetProperty("messageOnSubmitIsHtml").GetBoolean());
        var places = accepted.GetProperty("places").EnumerateArray().ToList();
        Assert.Equal(new[] { HubForms.SocialEvent, HubForms.IraqSession }.Order(), places.Select(p => p.GetProperty("id").GetGuid()).Order());
        Assert.All(places, p => Assert.Equal("placed", p.GetProperty("status").GetString()));
        Assert.All(places, p => Assert.Equal(SeedContent.Hub[p.GetProperty("id").GetGuid()].Name(culture), p.GetProperty("name").GetString()));

        // Staff see one registration per event, in the entry's language.
        var rows = await StaffRowsOf(email);
        Assert.Equal(new[] { HubForms.SocialEvent, HubForms.IraqSession }.Order(), rows.Select(r => r.GetProperty("event").GetProperty("id").GetGuid()).Order());
        Assert.All(rows, r => Assert.Equal("Layla Hassan", r.GetProperty("name").GetString()));
        Assert.All(rows, r => Assert.Equal(culture, r.GetProperty("culture").GetString()));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task A_Campaign_Sign_Up_Is_Accepted_With_The_Translated_Message_And_A_Place_In_Each_Campaign(string culture)
    {
        var email = HubForms.UniqueEmail("karim");
        var values = HubForms.SignUpValues("كريم عبد الله", email, HubForms.SaveTheTigris, HubForms.WomensRights);

        using var response = await hub.Server.SubmitAsync(HubForms.CampaignSignUp, values, culture);

        var accepted = await FormsClient.ReadJsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(HubDictionary.Text("Forms.SignUpMessage", culture), accepted.GetProperty("messageOnSubmit").GetString());
        var places = accepted.GetProperty("places").EnumerateArray().ToList();
        Assert.Equal(new[] { HubForms.SaveTheTigris, HubForms.WomensRights }.Order(), places.Select(p => p.GetProperty("id").GetGuid()).Order());
        Assert.All(places, p => Assert.Equal("placed", p.GetProperty("status").GetString()));
        Assert.All(places, p => Assert.Equal(SeedContent.Hub[p.GetProperty("id").GetGuid()].Name(culture), p.GetProperty("name").GetString()));
        if (culture == HubCultures.Arabic)
        {
            Assert.All(places, p => Assert.True(HubDictionary.IsArabicScript(p.GetProperty("name").GetString()!)));
        }

        var rows = await StaffRowsOf(email);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("كريم عبد الله", r.GetProperty("name").GetString()));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task Missing_Mandatory_Fields_Are_A_422_With_The_Required_Message_Of_Each_Keyed_By_Alias(string culture)
    {
        using var response = await hub.Server.SubmitAsync(HubForms.Registration, [], culture);

        var problem = await FormsClient.ReadProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var errors = Errors(problem);
        Assert.Equal(["attend", "consent", "country", "email", "name", "role", "schengenVisa"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HubDictionary.Message("Forms.RequiredError", "Forms.Name", culture), errors["name"]);
        Assert.Equal(HubDictionary.Message("Forms.RequiredError", "Forms.SchengenVisa", culture), errors["schengenVisa"]);
        Assert.Equal(HubDictionary.Message("Forms.RequiredError", "Forms.Consent", culture), errors["consent"]);
    }

    [Fact]
    public async Task Blank_Values_Count_As_Missing()
    {
        var values = HubForms.SignUpValues("   ", HubForms.UniqueEmail("blank"));
        values["country"] = "";

        using var response = await hub.Server.SubmitAsync(HubForms.CampaignSignUp, values, HubCultures.English);

        var errors = Errors(await FormsClient.ReadProblemAsync(response, HttpStatusCode.UnprocessableEntity));
        Assert.Equal(["country", "name"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("someone@")]
    [InlineData("someone.example.org")]
    [InlineData("someone@example")]
    [InlineData("some one@example.org")]
    public async Task A_Bad_Email_Address_Is_A_422_On_Email_Only(string address)
    {
        var values = HubForms.SignUpValues("Bad Address", address);

        using var response = await hub.Server.SubmitAsync(HubForms.CampaignSignUp, values, HubCultures.English);

        var errors = Errors(await FormsClient.ReadProblemAsync(response, HttpStatusCode.UnprocessableEntity));
        Assert.Equal("email", Assert.Single(errors.Keys));
        Assert.Equal(HubDictionary.Message("Forms.InvalidError", "Forms.Email", HubCultures.English), errors["email"]);
    }

    [Fact]
    public async Task A_Value_That_Is_Not_One_Of_The_Fields_Prevalues_Is_A_422()
    {
        var email = HubForms.UniqueEmail("prevalue");
        var values = HubForms.RegistrationValues("Not An Event", email, HubForms.SocialEvent, Guid.NewGuid());
        values["role"] = "astronaut";

        using var response = await hub.Server.SubmitAsync(HubForms.Registration, values, HubCultures.Arabic);

        var errors = Errors(await FormsClient.ReadProblemAsync(response, HttpStatusCode.UnprocessableEntity));
        Assert.Equal(["attend", "role"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HubDictionary.Message("Forms.InvalidError", "Forms.Attend", HubCultures.Arabic), errors["attend"]);
        Assert.Empty(await StaffRowsOf(email));
    }

    [Fact]
    public async Task An_Event_Offered_By_The_Other_Form_Is_Not_A_Campaign()
    {
        var values = HubForms.SignUpValues("Wrong Form", HubForms.UniqueEmail("wrongform"), HubForms.SocialEvent);

        using var response = await hub.Server.SubmitAsync(HubForms.CampaignSignUp, values, HubCultures.English);

        var errors = Errors(await FormsClient.ReadProblemAsync(response, HttpStatusCode.UnprocessableEntity));
        Assert.Equal("campaigns", Assert.Single(errors.Keys));
    }

    [Fact]
    public async Task Two_Values_For_A_Single_Choice_Field_Are_A_422()
    {
        var values = HubForms.RegistrationValues("Two Roles", HubForms.UniqueEmail("tworoles"));
        values["role"] = new JsonArray("activist", "journalist");

        using var response = await hub.Server.SubmitAsync(HubForms.Registration, values, HubCultures.English);

        var errors = Errors(await FormsClient.ReadProblemAsync(response, HttpStatusCode.UnprocessableEntity));
        Assert.Equal("role", Assert.Single(errors.Keys));
        Assert.Equal(HubDictionary.Message("Forms.InvalidError", "Forms.Role", HubCultures.English), errors["role"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("off")]
    [InlineData("false")]
    [InlineData(null)]
    public async Task Consent_Not_Ticked_Is_A_422_On_Consent(string? consent)
    {
        var email = HubForms.UniqueEmail("noconsent");
        var values = HubForms.SignUpValues("No Consent", email);
        if (consent is null)
        {
            values.Remove("consent");
        }
        else
        {
            values["consent"] = consent;
        }

        using var response = await hub.Server.SubmitAsync(HubForms.CampaignSignUp, values, HubCultures.English);

        var errors = Errors(await FormsClient.ReadProblemAsync(response, HttpStatusCode.UnprocessableEntity));
        Assert.Equal("consent", Assert.Single(errors.Keys));
        Assert.Equal(HubDictionary.Message("Forms.RequiredError", "Forms.Consent", HubCultures.English), errors["consent"]);
        Assert.Empty(await StaffRowsOf(email));
    }

    [Fact]
    public async Task Role_Other_Is_Kept_When_The_Role_Is_Other()
    {
        var email = HubForms.UniqueEmail("roleother");
        var values = HubForms.RegistrationValues("Other Role", email);
        values["role"] = "other";
        values["roleOther"] = "Documentary film maker";

        using var response = await hub.Server.SubmitAsync(HubForms.Registration, values, HubCultures.English);

        await FormsClient.ReadJsonAsync(response, HttpStatusCode.Accepted);
        var stored = await StoredValuesOf(email);
        Assert.Equal(["other"], stored["role"]);
        Assert.Equal(["Documentary film maker"], stored["roleOther"]);
    }

    [Fact]
    public async Task Role_Other_Is_Optional_Even_When_Shown_Because_The_Form_Does_Not_Make_It_Mandatory()
    {
        var email = HubForms.UniqueEmail("roleotherblank");
        var values = HubForms.RegistrationValues("Other Role Blank", email);
        values["role"] = "other";

        using var response = await hub.Server.SubmitAsync(HubForms.Registration, values, HubCultures.English);

        await FormsClient.ReadJsonAsync(response, HttpStatusCode.Accepted);
        Assert.False((await StoredValuesOf(email)).ContainsKey("roleOther"));
    }

    [Fact]
    public async Task Role_Other_Is_Dropped_When_Hidden_Because_The_Role_Is_Not_Other()
    {
        var email = HubForms.UniqueEmail("roleotherhidden");
        var values = HubForms.RegistrationValues("Hidden Role Other", email);
        values["role"] = "journalist";
        values["roleOther"] = "Documentary film maker";

        using var response = await hub.Server.SubmitAsync(HubForms.Registration, values, HubCultures.English);

        await FormsClient.ReadJsonAsync(response, HttpStatusCode.Accepted);
        var stored = await StoredValuesOf(email);
        Assert.Equal(["journalist"], stored["role"]);
        Assert.False(stored.ContainsKey("roleOther"));
        Assert.Equal([email], stored["email"]);
    }

    [Fact]
    public async Task Fields_The_Form_Does_Not_Have_Are_Not_Stored()
    {
        var email = HubForms.UniqueEmail("extra");
        var values = HubForms.SignUpValues("Extra Field", email);
        values["password"] = "hunter2";

        using var response = await hub.Server.SubmitAsync(HubForms.CampaignSignUp, values, HubCultures.English);

        await FormsClient.ReadJsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(["campaigns", "consent", "country", "email", "name"], (await StoredValuesOf(email)).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_Entry_To_An_Unknown_Form_Is_A_404_Problem()
    {
        using var response = await hub.Server.PostAsync(Guid.NewGuid(), FormsClient.JsonContent(new JsonObject
        {
            ["values"] = HubForms.SignUpValues("Nobody", HubForms.UniqueEmail("unknownform")),
        }));

        await FormsClient.ReadProblemAsync(response, HttpStatusCode.NotFound);
    }
}
