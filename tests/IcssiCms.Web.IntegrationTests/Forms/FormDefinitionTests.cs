using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IcssiCms.Core.Registrations;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Delivery;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.Web.IntegrationTests.Forms;

/// <summary>
/// Umbraco Forms' <c>GET definitions/{id}</c> on the Umbraco site: the hub's two forms in English and Arabic, texts from
/// Umbraco's dictionary, Sorani Kurdish falling back to English.
/// </summary>
[Collection(SeededSiteCollection.Name)]
public sealed class FormDefinitionTests(HubSite site)
{
    public const string DefinitionsPath = "/umbraco/forms/delivery/api/v1/definitions";

    private const string ShortAnswer = "3f92e01b-29e2-4a30-bf33-9df5580ed52c";
    private const string LongAnswer = "023f09ac-1445-4bcb-b8fa-ab49f33bd046";
    private const string MultipleChoice = "fab43f20-a6bf-11de-a28f-9b5755d89593";
    private const string SingleChoice = "903df9b0-a78c-11de-9fc1-db7a56d89593";
    private const string DataConsent = "a72c9df9-3847-47cf-afb8-b86773fd12cd";

    public static TheoryData<string> Cultures => [HubCultures.English, HubCultures.Arabic];

    private static IReadOnlyList<JsonElement> Fields(JsonElement definition) =>
        [.. definition.GetProperty("pages").EnumerateArray()
            .SelectMany(p => p.GetProperty("fieldsets").EnumerateArray())
            .SelectMany(s => s.GetProperty("columns").EnumerateArray())
            .SelectMany(c => c.GetProperty("fields").EnumerateArray())];

    private static JsonElement Field(JsonElement definition, string alias) =>
        Fields(definition).Single(f => f.GetProperty("alias").GetString() == alias);

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    private static void AssertType(JsonElement field, string id, string name, string alias)
    {
        var type = field.GetProperty("type");
        Assert.Equal(Guid.Parse(id), type.GetProperty("id").GetGuid());
        Assert.Equal(name, Text(type, "name"));
        Assert.Equal(alias, Text(type, "alias"));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task The_Registration_Form_Has_Its_Fields_In_Order_With_Forms_Types_And_Translated_Texts(string culture)
    {
        var definition = await DefinitionAsync(HubFormKeys.Registration, culture);

        Assert.Equal(HubFormKeys.Registration, definition.GetProperty("id").GetGuid());
        Assert.Equal("ICSSI Conference 2014 registration", Text(definition, "name"));
        Assert.Equal(HubDictionary.Text("Forms.Register", culture), Text(definition, "submitLabel"));
        Assert.Equal(HubDictionary.Text("Forms.RegisterMessage", culture), Text(definition, "messageOnSubmit"));
        Assert.Equal("*", Text(definition, "indicator"));
        Assert.Equal(
            ["name", "email", "country", "organisation", "role", "roleOther", "attend", "schengenVisa", "accessibility", "consent"],
            Fields(definition).Select(f => Text(f, "alias")));

        var name = Field(definition, "name");
        Assert.Equal(HubDictionary.Text("Forms.Name", culture), Text(name, "caption"));
        AssertType(name, ShortAnswer, "Short answer", "shortAnswer");
        Assert.True(name.GetProperty("required").GetBoolean());
        Assert.Equal(HubDictionary.Message("Forms.RequiredError", "Forms.Name", culture), Text(name, "requiredErrorMessage"));
        Assert.True(name.GetProperty("containsSensitiveData").GetBoolean());

        var organisation = Field(definition, "organisation");
        Assert.False(organisation.GetProperty("required").GetBoolean());
        Assert.Equal(string.Empty, Text(organisation, "requiredErrorMessage"));

        var accessibility = Field(definition, "accessibility");
        AssertType(accessibility, LongAnswer, "Long answer", "longAnswer");
        Assert.False(accessibility.GetProperty("required").GetBoolean());

        if (culture == HubCultures.Arabic)
        {
            Assert.True(HubDictionary.IsArabicScript(Text(name, "caption")));
            Assert.True(HubDictionary.IsArabicScript(Text(definition, "messageOnSubmit")));
            Assert.True(HubDictionary.IsArabicScript(Text(name, "requiredErrorMessage")));
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task The_Email_Field_Is_A_Short_Answer_With_The_Email_Setting_A_Pattern_And_Both_Messages(string culture)
    {
        var email = Field(await DefinitionAsync(HubFormKeys.Registration, culture), "email");

        AssertType(email, ShortAnswer, "Short answer", "shortAnswer");
        Assert.Equal(HubDictionary.Text("Forms.Email", culture), Text(email, "caption"));
        Assert.Equal("email", Text(email.GetProperty("settings"), "fieldType"));
        Assert.True(email.GetProperty("required").GetBoolean());
        Assert.Equal(HubDictionary.Message("Forms.RequiredError", "Forms.Email", culture), Text(email, "requiredErrorMessage"));

        var pattern = new Regex(Text(email, "pattern"));
        Assert.Matches(pattern, "someone@example.org");
        Assert.DoesNotMatch(pattern, "someone@example");
        Assert.DoesNotMatch(pattern, "someone example.org");
        Assert.Equal(HubDictionary.Message("Forms.InvalidError", "Forms.Email", culture), Text(email, "patternInvalidErrorMessage"));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task Choice_Fields_Offer_Their_Prevalues_With_Translated_Captions_And_Attend_Offers_The_Three_Events(string culture)
    {
        var definition = await DefinitionAsync(HubFormKeys.Registration, culture);

        var role = Field(definition, "role");
        AssertType(role, SingleChoice, "Single choice", "singleChoice");
        Assert.Equal(
            ["activist", "tradeUnionist", "journalist", "researcher", "other"],
            role.GetProperty("preValues").EnumerateArray().Select(p => Text(p, "value")));
        Assert.Equal(
            HubDictionary.Text("Forms.Role.Other", culture),
            Text(role.GetProperty("preValues").EnumerateArray().Single(p => Text(p, "value") == "other"), "caption"));

        var attend = Field(definition, "attend");
        AssertType(attend, MultipleChoice, "Multiple choice", "multipleChoice");
        var events = attend.GetProperty("preValues").EnumerateArray().ToList();
        Assert.Equal([HubFormKeys.SocialEvent, HubFormKeys.Conference, HubFormKeys.IraqSession], events.Select(p => Guid.Parse(Text(p, "value"))));
        Assert.Equal(
            [HubDictionary.Text("Forms.Attend.SocialEvent", culture), HubDictionary.Text("Forms.Attend.ConferenceSessions", culture), HubDictionary.Text("Forms.Attend.IraqSession", culture)],
            events.Select(p => Text(p, "caption")));

        var visa = Field(definition, "schengenVisa");
        AssertType(visa, SingleChoice, "Single choice", "singleChoice");
        Assert.Equal(["yes", "no"], visa.GetProperty("preValues").EnumerateArray().Select(p => Text(p, "value")));
        Assert.Equal([HubDictionary.Text("Forms.Yes", culture), HubDictionary.Text("Forms.No", culture)],
            visa.GetProperty("preValues").EnumerateArray().Select(p => Text(p, "caption")));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task The_Visa_Question_Carries_The_Registration_Pages_Visa_Notice_As_Help_Text(string culture)
    {
        var visa = Field(await DefinitionAsync(HubFormKeys.Registration, culture), "schengenVisa");

        var registerPage = SeedContent.Hub.Items.Single(i => i.ContentType == "registrationPage");
        var notice = registerPage.Value("visaNotice", culture);
        Assert.False(string.IsNullOrWhiteSpace(notice));
        Assert.Equal(notice, Text(visa, "helpText"));
        Assert.Contains(culture == HubCultures.Arabic ? "شنغن" : "Schengen visa", Text(visa, "helpText"));
    }

    [Fact]
    public async Task Role_Other_Is_Shown_Only_When_The_Role_Is_Other()
    {
        var definition = await DefinitionAsync(HubFormKeys.Registration, HubCultures.English);
        var role = Field(definition, "role");
        var roleOther = Field(definition, "roleOther");

        Assert.Equal(HubDictionary.Text("Forms.RoleOther", HubCultures.English), Text(roleOther, "caption"));
        var condition = roleOther.GetProperty("condition");
        Assert.Equal("Show", Text(condition, "actionType"));
        Assert.Equal("All", Text(condition, "logicType"));
        var rule = Assert.Single(condition.GetProperty("rules").EnumerateArray());
        Assert.Equal(role.GetProperty("id").GetGuid(), rule.GetProperty("field").GetGuid());
        Assert.Equal("Is", Text(rule, "operator"));
        Assert.Equal("other", Text(rule, "value"));

        // No other field is conditional.
        Assert.All(Fields(definition).Where(f => Text(f, "alias") != "roleOther"), f => Assert.Equal(JsonValueKind.Null, f.GetProperty("condition").ValueKind));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task The_Consent_Field_Is_Mandatory_Data_Consent_With_Its_Accept_Copy_Translated(string culture)
    {
        foreach (var form in new[] { HubFormKeys.Registration, HubFormKeys.CampaignSignUp })
        {
            var consent = Field(await DefinitionAsync(form, culture), "consent");

            AssertType(consent, DataConsent, "Data consent", "dataConsent");
            Assert.True(consent.GetProperty("required").GetBoolean());
            Assert.Equal(HubDictionary.Text("Forms.Consent", culture), Text(consent, "caption"));
            var acceptCopy = Text(consent.GetProperty("settings"), "acceptCopy");
            Assert.Equal(HubDictionary.Text("Forms.Consent.AcceptCopy", culture), acceptCopy);
            Assert.DoesNotContain("#", acceptCopy);
            Assert.Equal(culture == HubCultures.Arabic, HubDictionary.IsArabicScript(acceptCopy));
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task The_Campaign_Sign_Up_Offers_The_Six_Campaigns(string culture)
    {
        var definition = await DefinitionAsync(HubFormKeys.CampaignSignUp, culture);

        Assert.Equal(HubFormKeys.CampaignSignUp, definition.GetProperty("id").GetGuid());
        Assert.Equal("Campaign sign-up", Text(definition, "name"));
        Assert.Equal(HubDictionary.Text("Forms.SignUp", culture), Text(definition, "submitLabel"));
        Assert.Equal(HubDictionary.Text("Forms.SignUpMessage", culture), Text(definition, "messageOnSubmit"));
        Assert.Equal(["name", "email", "country", "campaigns", "consent"], Fields(definition).Select(f => Text(f, "alias")));
        Assert.Equal(HubDictionary.Text("Forms.Email", culture), Text(Field(definition, "email"), "caption"));
        Assert.False(string.IsNullOrEmpty(Text(Field(definition, "email"), "pattern")));

        var campaigns = Field(definition, "campaigns");
        AssertType(campaigns, MultipleChoice, "Multiple choice", "multipleChoice");
        Assert.Equal(HubDictionary.Text("Forms.Campaigns", culture), Text(campaigns, "caption"));
        var offered = campaigns.GetProperty("preValues").EnumerateArray().ToList();
        Assert.Equal(6, offered.Count);
        Assert.Equal(
            SeedContent.Hub.OfType("campaign").Select(c => c.Key).Order(),
            offered.Select(p => Guid.Parse(Text(p, "value"))).Order());
        var tigris = offered.Single(p => Guid.Parse(Text(p, "value")) == HubFormKeys.SaveTheTigris);
        Assert.Equal(HubDictionary.Text("Forms.Campaigns.SaveTheTigris", culture), Text(tigris, "caption"));
        Assert.All(offered, p => Assert.Equal(culture == HubCultures.Arabic, HubDictionary.IsArabicScript(Text(p, "caption"))));
    }

    [Theory]
    [InlineData("0c3e8f0a-6a35-4f0e-9d3b-2a1e5c7b9d41")]
    [InlineData("c1ba64a9-0c59-55ff-afd6-100da39726b5")]
    public async Task Sorani_Kurdish_Falls_Back_To_English(string form)
    {
        using var english = await GetDefinitionAsync(Guid.Parse(form), HubCultures.English);
        using var kurdish = await GetDefinitionAsync(Guid.Parse(form), HubCultures.SoraniKurdish);

        Assert.Equal(HttpStatusCode.OK, kurdish.StatusCode);
        var kurdishText = await kurdish.Content.ReadAsStringAsync();
        Assert.Equal(await english.Content.ReadAsStringAsync(), kurdishText);
        Assert.Contains(HubDictionary.Text("Forms.Name", HubCultures.English), kurdishText);
        Assert.DoesNotContain("\"#Forms.", kurdishText);
    }

    [Fact]
    public async Task Without_A_Culture_The_Definition_Is_In_English()
    {
        var definition = await DefinitionAsync(HubFormKeys.Registration);

        Assert.Equal(HubDictionary.Text("Forms.RegisterMessage", HubCultures.English), Text(definition, "messageOnSubmit"));
    }

    [Fact]
    public async Task An_Unknown_Form_Is_A_404_Problem()
    {
        using var response = await GetDefinitionAsync(Guid.NewGuid(), HubCultures.English);

        await ReadProblemAsync(response, HttpStatusCode.NotFound);
    }

    public static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var json = await DeliveryApiClient.ReadJsonAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, json.GetProperty("status").GetInt32());
        return json;
    }

    private Task<HttpResponseMessage> GetDefinitionAsync(Guid form, string? culture = null) =>
        site.CreateClient().GetAsync($"{DefinitionsPath}/{form:D}" + (culture is null ? string.Empty : $"?culture={Uri.EscapeDataString(culture)}"));

    private async Task<JsonElement> DefinitionAsync(Guid form, string? culture = null)
    {
        using var response = await GetDefinitionAsync(form, culture);
        return await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.OK);
    }
}

/// <summary>Umbraco Forms' delivery API switched off (<c>Umbraco:Forms:Options:EnableFormsApi</c> false), and the hub's form token endpoint with it.</summary>
[Collection(DisabledApiSiteCollection.Name)]
public sealed class FormsApiOffTests(DisabledApiSite site)
{
    [Fact]
    public async Task Definitions_Are_404_When_The_Forms_Api_Is_Off()
    {
        using var response = await site.CreateClient().GetAsync($"{FormDefinitionTests.DefinitionsPath}/{HubFormKeys.Registration:D}");

        var problem = await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("EnableFormsApi", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Entries_Are_404_When_The_Forms_Api_Is_Off_And_Nothing_Is_Stored()
    {
        var email = FormEntryTests.UniqueEmail("apioff");
        using var http = site.CreateClient();

        using var response = await http.PostAsync(
            $"{FormEntryTests.EntriesPath}/{HubFormKeys.CampaignSignUp:D}",
            new StringContent(FormEntryTests.Entry(FormEntryTests.SignUpValues("Off Api", email)).ToJsonString(), Encoding.UTF8, "application/json"));

        var problem = await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("EnableFormsApi", problem.GetProperty("detail").GetString());
        Assert.Empty(site.Services.GetRequiredService<RegistrationStore>().Of(email).Records);
    }

    [Fact]
    public async Task The_Form_Token_Endpoint_Is_404_When_The_Forms_Api_Is_Off()
    {
        using var response = await site.CreateClient().GetAsync($"{BrowserEntryTests.TokenPath}/{HubFormKeys.Registration:D}/token");

        await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.NotFound);
    }
}
