using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IcssiCms.Core.Registrations;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Delivery;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.Web.IntegrationTests.Forms;

/// <summary>
/// Entries the site cannot read, each a 400 naming the member to fix or a 415; the page an entry was sent from, kept with
/// it; and who may post an entry: a browser with both antiforgery halves of its own, or a server with the right key.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class EntryRequestTests(ChangingSite site)
{
    private RegistrationStore Registrations => site.Services.GetRequiredService<RegistrationStore>();

    [Theory]
    [InlineData("{\"values\": {\"name\": \"Unclosed\"")]
    [InlineData("values=name")]
    [InlineData("")]
    [InlineData("[\"name\"]")]
    public async Task A_Body_That_Is_Not_A_Json_Object_Is_A_400_Naming_The_Body(string body)
    {
        using var server = ServerClient();
        using var response = await PostAsync(server, HubFormKeys.CampaignSignUp, new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertBadRequestNamingAsync(response, "body");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"name=Fred\"")]
    [InlineData("42")]
    public async Task Values_That_Are_Not_An_Object_Are_A_400_Naming_Values(string valuesJson)
    {
        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.CampaignSignUp, new JsonObject { ["values"] = JsonNode.Parse(valuesJson) });

        await AssertBadRequestNamingAsync(response, "values");
    }

    [Fact]
    public async Task A_Number_As_A_Value_Is_A_400_Naming_The_Field_And_Nothing_Is_Stored()
    {
        var email = FormEntryTests.UniqueEmail("number");
        var values = FormEntryTests.SignUpValues("Number Country", email);
        values["country"] = 964;

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.CampaignSignUp, FormEntryTests.Entry(values));

        await AssertBadRequestNamingAsync(response, "values.country");
        Assert.Empty(Registrations.Of(email).Records);
    }

    [Fact]
    public async Task A_Number_Inside_An_Array_Of_Values_Is_A_400_Naming_The_Field()
    {
        var values = FormEntryTests.SignUpValues("Number Campaign", FormEntryTests.UniqueEmail("numberarray"));
        values["campaigns"] = new JsonArray(HubFormKeys.SaveTheTigris.ToString(), 7);

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.CampaignSignUp, FormEntryTests.Entry(values));

        await AssertBadRequestNamingAsync(response, "values.campaigns");
    }

    /// <summary>A value for a field the form does not have is refused, naming it, rather than dropped unseen.</summary>
    [Fact]
    public async Task A_Value_For_A_Field_The_Form_Does_Not_Have_Is_A_400_Naming_It_And_Nothing_Is_Stored()
    {
        var email = FormEntryTests.UniqueEmail("extra");
        var values = FormEntryTests.SignUpValues("Extra Field", email);
        values["password"] = "hunter2";

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.CampaignSignUp, FormEntryTests.Entry(values));

        await AssertBadRequestNamingAsync(response, "values.password");
        Assert.Empty(Registrations.Of(email).Records);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("ku")]
    [InlineData("not a culture")]
    public async Task A_Culture_The_Hub_Does_Not_Have_Is_A_400_Naming_Culture_And_Nothing_Is_Stored(string culture)
    {
        var email = FormEntryTests.UniqueEmail("culture");

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.CampaignSignUp, FormEntryTests.Entry(FormEntryTests.SignUpValues("Bad Culture", email), culture));

        await AssertBadRequestNamingAsync(response, "culture");
        Assert.Empty(Registrations.Of(email).Records);
    }

    [Fact]
    public async Task A_Culture_That_Is_Not_A_String_Is_A_400_Naming_Culture()
    {
        var entry = FormEntryTests.Entry(FormEntryTests.SignUpValues("Culture Object", FormEntryTests.UniqueEmail("cultureobject")));
        entry["culture"] = new JsonObject();

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.CampaignSignUp, entry);

        await AssertBadRequestNamingAsync(response, "culture");
    }

    [Theory]
    [InlineData("\"the-register-page\"")]
    [InlineData("1234")]
    [InlineData("true")]
    public async Task A_Content_Id_That_Is_Not_A_Guid_Is_A_400_Naming_ContentId_And_Nothing_Is_Stored(string contentIdJson)
    {
        var email = FormEntryTests.UniqueEmail("contentid");
        var entry = FormEntryTests.Entry(FormEntryTests.SignUpValues("Bad Content Id", email));
        entry["contentId"] = JsonNode.Parse(contentIdJson);

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.CampaignSignUp, entry);

        await AssertBadRequestNamingAsync(response, "contentId");
        Assert.Empty(Registrations.Of(email).Records);
    }

    [Fact]
    public async Task The_Page_The_Entry_Was_Sent_From_Is_Kept_With_It()
    {
        var registerPage = SeedContent.Hub.Items.Single(i => i.ContentType == "registrationPage").Key;
        var email = FormEntryTests.UniqueEmail("contentidok");
        var entry = FormEntryTests.Entry(FormEntryTests.RegistrationValues("Good Content Id", email), HubCultures.English);
        entry["contentId"] = registerPage.ToString();

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.Registration, entry);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(registerPage, Assert.Single(Registrations.Of(email).Records).ContentKey);
    }

    [Fact]
    public async Task Additional_Data_That_Is_Not_An_Object_Of_Strings_Is_A_400_Naming_It()
    {
        var entry = FormEntryTests.Entry(FormEntryTests.SignUpValues("Bad Data", FormEntryTests.UniqueEmail("additional")));
        entry["additionalData"] = new JsonObject { ["formToken"] = 12 };

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.CampaignSignUp, entry);

        await AssertBadRequestNamingAsync(response, "additionalData");
    }

    [Fact]
    public async Task A_Plain_Text_Body_Is_A_415()
    {
        using var server = ServerClient();
        using var response = await PostAsync(server, HubFormKeys.CampaignSignUp, new StringContent("name=Fred", Encoding.UTF8, "text/plain"));

        await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_Form_Urlencoded_Body_Is_A_415_Even_With_Every_Field_Filled()
    {
        using var browser = site.CreateClient();
        var email = FormEntryTests.UniqueEmail("urlencoded");
        var (formToken, header, requestToken) = await BrowserEntryTests.TokensAsync(browser, HubFormKeys.CampaignSignUp);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Url Encoded",
            ["email"] = email,
            ["country"] = "Iraq",
            ["campaigns"] = HubFormKeys.SaveTheTigris.ToString(),
            ["consent"] = "on",
            ["formToken"] = formToken,
        });
        browser.DefaultRequestHeaders.Add(header, requestToken);

        using var response = await PostAsync(browser, HubFormKeys.CampaignSignUp, content);

        await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(Registrations.Of(email).Records);
    }

    [Fact]
    public async Task A_Body_Without_A_Content_Type_Is_A_415()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"values\":{}}"));
        content.Headers.ContentType = null;

        using var server = ServerClient();
        using var response = await PostAsync(server, HubFormKeys.CampaignSignUp, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Json_With_A_Utf8_Charset_Is_Json()
    {
        var email = FormEntryTests.UniqueEmail("charset");
        using var content = new StringContent(FormEntryTests.Entry(FormEntryTests.SignUpValues("شيرين", email), HubCultures.Arabic).ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

        using var server = ServerClient();
        using var response = await PostAsync(server, HubFormKeys.CampaignSignUp, content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("شيرين", Assert.Single(Registrations.Of(email).Registrations).Name);
    }

    // Who may post.

    [Fact]
    public async Task A_Browser_With_The_Antiforgery_Header_But_Not_Its_Cookie_Is_A_400_Naming_Antiforgery()
    {
        using var browser = site.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var email = FormEntryTests.UniqueEmail("nocookie");
        var (formToken, header, requestToken) = await BrowserEntryTests.TokensAsync(browser, HubFormKeys.CampaignSignUp);

        using var response = await BrowserEntryTests.PostAsync(
            browser, HubFormKeys.CampaignSignUp, BrowserEntryTests.Entry(FormEntryTests.SignUpValues("No Cookie", email), null, formToken), (header, requestToken));

        await AssertBadRequestNamingAsync(response, "antiforgery");
        Assert.Empty(Registrations.Of(email).Records);
    }

    [Fact]
    public async Task A_Browser_With_Another_Browsers_Antiforgery_Header_Is_A_400_Naming_Antiforgery()
    {
        using var other = site.CreateClient();
        var (_, otherHeader, otherToken) = await BrowserEntryTests.TokensAsync(other, HubFormKeys.CampaignSignUp);
        using var browser = site.CreateClient();
        var email = FormEntryTests.UniqueEmail("otherbrowser");
        var (formToken, _, _) = await BrowserEntryTests.TokensAsync(browser, HubFormKeys.CampaignSignUp);

        using var response = await BrowserEntryTests.PostAsync(
            browser, HubFormKeys.CampaignSignUp, BrowserEntryTests.Entry(FormEntryTests.SignUpValues("Other Browser", email), null, formToken), (otherHeader, otherToken));

        await AssertBadRequestNamingAsync(response, "antiforgery");
        Assert.Empty(Registrations.Of(email).Records);
    }

    /// <summary>Another key, the key in capitals, and the key without its last character.</summary>
    public static TheoryData<string> WrongKeys => ["wrong-key", ChangingSite.FormsApiKey.ToUpperInvariant(), ChangingSite.FormsApiKey[..^1]];

    [Theory]
    [MemberData(nameof(WrongKeys))]
    public async Task A_Wrong_Api_Key_Is_A_401_Even_From_A_Browser_With_Antiforgery(string apiKey)
    {
        using var browser = site.CreateClient();
        var email = FormEntryTests.UniqueEmail("wrongkey");
        var (formToken, header, requestToken) = await BrowserEntryTests.TokensAsync(browser, HubFormKeys.CampaignSignUp);
        browser.DefaultRequestHeaders.Add("Api-Key", apiKey);

        using var response = await BrowserEntryTests.PostAsync(
            browser, HubFormKeys.CampaignSignUp, BrowserEntryTests.Entry(FormEntryTests.SignUpValues("Wrong Key", email), null, formToken), (header, requestToken));

        await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(Registrations.Of(email).Records);
    }

    private HttpClient ServerClient()
    {
        var http = site.CreateClient();
        http.DefaultRequestHeaders.Add("Api-Key", ChangingSite.FormsApiKey);
        return http;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, Guid form, HttpContent content)
    {
        return await http.PostAsync($"{FormEntryTests.EntriesPath}/{form:D}", content);
    }

    private static async Task AssertBadRequestNamingAsync(HttpResponseMessage response, string member)
    {
        var problem = await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(member, problem.GetProperty("member").GetString());
        Assert.Contains(member, problem.GetProperty("title").GetString());
    }
}
