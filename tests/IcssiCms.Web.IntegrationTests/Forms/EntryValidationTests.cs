using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcssiCms.Core.Registrations;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.Web.IntegrationTests.Forms;

/// <summary>
/// Entries the site sends back with the fields to correct (422, each error keyed by the field's alias, in the entry's
/// language), and what it keeps of an entry it accepts: a field hidden by its condition is neither required nor kept.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class EntryValidationTests(ChangingSite site)
{
    public static TheoryData<string> Cultures => [HubCultures.English, HubCultures.Arabic];

    public static TheoryData<string, string> BadAddresses => new()
    {
        { "someone@", HubCultures.English },
        { "someone.example.org", HubCultures.Arabic },
        { "someone@example", HubCultures.English },
        { "some one@example.org", HubCultures.Arabic },
    };

    private RegistrationStore Registrations => site.Services.GetRequiredService<RegistrationStore>();

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task Missing_Mandatory_Fields_Are_A_422_With_Each_Fields_Required_Message_In_The_Entrys_Language(string culture)
    {
        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.Registration, FormEntryTests.Entry([], culture));

        var errors = await ErrorsAsync(response);
        Assert.Equal(["attend", "consent", "country", "email", "name", "role", "schengenVisa"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Equal(HubDictionary.Message("Forms.RequiredError", Caption(e.Key), culture), e.Value));
        Assert.All(errors.Values, message => Assert.Equal(culture == HubCultures.Arabic, HubDictionary.IsArabicScript(message)));
    }

    [Fact]
    public async Task Blank_Values_Count_As_Missing()
    {
        var values = FormEntryTests.SignUpValues("   ", FormEntryTests.UniqueEmail("blank"));
        values["country"] = "";

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.CampaignSignUp, FormEntryTests.Entry(values, HubCultures.English));

        Assert.Equal(["country", "name"], (await ErrorsAsync(response)).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BadAddresses))]
    public async Task A_Bad_Email_Address_Is_A_422_On_Email_Only_With_Its_Invalid_Message(string address, string culture)
    {
        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.CampaignSignUp, FormEntryTests.Entry(FormEntryTests.SignUpValues("Bad Address", address), culture));

        var errors = await ErrorsAsync(response);
        Assert.Equal("email", Assert.Single(errors.Keys));
        Assert.Equal(HubDictionary.Message("Forms.InvalidError", "Forms.Email", culture), errors["email"]);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task Values_That_Are_Not_Among_The_Fields_Choices_Are_A_422_And_Nothing_Is_Stored(string culture)
    {
        var email = FormEntryTests.UniqueEmail("prevalue");
        var values = FormEntryTests.RegistrationValues("Not An Event", email, HubFormKeys.SocialEvent, Guid.NewGuid());
        values["role"] = "astronaut";

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.Registration, FormEntryTests.Entry(values, culture));

        var errors = await ErrorsAsync(response);
        Assert.Equal(["attend", "role"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HubDictionary.Message("Forms.InvalidError", "Forms.Attend", culture), errors["attend"]);
        Assert.Equal(HubDictionary.Message("Forms.InvalidError", "Forms.Role", culture), errors["role"]);
        Assert.Empty(Registrations.Of(email).Records);
    }

    [Fact]
    public async Task An_Event_Offered_By_The_Registration_Form_Is_Not_A_Campaign()
    {
        var values = FormEntryTests.SignUpValues("Wrong Form", FormEntryTests.UniqueEmail("wrongform"), HubFormKeys.SocialEvent);

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.CampaignSignUp, FormEntryTests.Entry(values, HubCultures.Arabic));

        var errors = await ErrorsAsync(response);
        Assert.Equal("campaigns", Assert.Single(errors.Keys));
        Assert.Equal(HubDictionary.Message("Forms.InvalidError", "Forms.Campaigns", HubCultures.Arabic), errors["campaigns"]);
    }

    [Fact]
    public async Task Two_Values_For_A_Single_Choice_Field_Are_A_422()
    {
        var values = FormEntryTests.RegistrationValues("Two Roles", FormEntryTests.UniqueEmail("tworoles"));
        values["role"] = new JsonArray("activist", "journalist");

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.Registration, FormEntryTests.Entry(values, HubCultures.English));

        var errors = await ErrorsAsync(response);
        Assert.Equal("role", Assert.Single(errors.Keys));
        Assert.Equal(HubDictionary.Message("Forms.InvalidError", "Forms.Role", HubCultures.English), errors["role"]);
    }

    [Theory]
    [InlineData("", HubCultures.English)]
    [InlineData("off", HubCultures.Arabic)]
    [InlineData("false", HubCultures.English)]
    [InlineData(null, HubCultures.Arabic)]
    public async Task Consent_Not_Ticked_Is_A_422_On_Consent_And_Nothing_Is_Stored(string? consent, string culture)
    {
        var email = FormEntryTests.UniqueEmail("noconsent");
        var values = FormEntryTests.SignUpValues("No Consent", email);
        if (consent is null)
        {
            values.Remove("consent");
        }
        else
        {
            values["consent"] = consent;
        }

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.CampaignSignUp, FormEntryTests.Entry(values, culture));

        var errors = await ErrorsAsync(response);
        Assert.Equal("consent", Assert.Single(errors.Keys));
        Assert.Equal(HubDictionary.Message("Forms.RequiredError", "Forms.Consent", culture), errors["consent"]);
        Assert.Empty(Registrations.Of(email).Records);
    }

    [Fact]
    public async Task Role_Other_Is_Kept_When_The_Role_Is_Other()
    {
        var email = FormEntryTests.UniqueEmail("roleother");
        var values = FormEntryTests.RegistrationValues("Other Role", email);
        values["role"] = "other";
        values["roleOther"] = "صانع أفلام وثائقية";

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.Registration, FormEntryTests.Entry(values, HubCultures.Arabic));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = StoredValuesOf(email);
        Assert.Equal(["other"], stored["role"]);
        Assert.Equal(["صانع أفلام وثائقية"], stored["roleOther"]);
    }

    [Fact]
    public async Task Role_Other_Is_Optional_Even_When_Shown_Because_The_Form_Does_Not_Make_It_Mandatory()
    {
        var email = FormEntryTests.UniqueEmail("roleotherblank");
        var values = FormEntryTests.RegistrationValues("Other Role Blank", email);
        values["role"] = "other";

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.Registration, FormEntryTests.Entry(values, HubCultures.English));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.False(StoredValuesOf(email).ContainsKey("roleOther"));
    }

    [Fact]
    public async Task Role_Other_Is_Dropped_When_Hidden_Because_The_Role_Is_Not_Other()
    {
        var email = FormEntryTests.UniqueEmail("roleotherhidden");
        var values = FormEntryTests.RegistrationValues("Hidden Role Other", email);
        values["role"] = "journalist";
        values["roleOther"] = "Documentary film maker";

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.Registration, FormEntryTests.Entry(values, HubCultures.English));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = StoredValuesOf(email);
        Assert.Equal(["journalist"], stored["role"]);
        Assert.False(stored.ContainsKey("roleOther"));
        Assert.Equal([email], stored["email"]);
    }

    /// <summary>The dictionary item of a field's caption: <c>schengenVisa</c>'s is <c>Forms.SchengenVisa</c>.</summary>
    private static string Caption(string alias) => "Forms." + char.ToUpperInvariant(alias[0]) + alias[1..];

    private static async Task<IReadOnlyDictionary<string, string>> ErrorsAsync(HttpResponseMessage response)
    {
        var problem = await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => Assert.Single(e.Value.EnumerateArray()).GetString()!);
    }

    private IReadOnlyDictionary<string, string[]> StoredValuesOf(string email) =>
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(Assert.Single(Registrations.Of(email).Records).ValuesJson)!;
}
