using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IcssiCms.Core.Schema;

namespace IcssiCms.IntegrationTests.Forms;

/// <summary>Bodies the hub cannot read (400 naming the member, 415), and who may post an entry at all.</summary>
[Collection(FormsApiCollection.Name)]
public sealed class FormEntryRequestTests(FormsHubFixture hub) : IClassFixture<FormsHubFixture>
{
    private static async Task AssertBadRequestNaming(HttpResponseMessage response, string member)
    {
        var problem = await FormsClient.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(member, problem.GetProperty("member").GetString());
        Assert.Contains(member, problem.GetProperty("title").GetString());
    }

    private async Task AssertNotStored(string email) =>
        Assert.DoesNotContain(await hub.Server.StaffRegistrationsAsync(FormsHostFixture.StaffApiKey), r => r.GetProperty("email").GetString() == email);

    [Theory]
    [InlineData("{\"values\": {\"name\": \"Unclosed\"")]
    [InlineData("values=name")]
    [InlineData("")]
    public async Task Malformed_Json_Is_A_400_Naming_The_Body(string body)
    {
        using var response = await hub.Server.PostAsync(HubForms.CampaignSignUp, new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertBadRequestNaming(response, "body");
    }

    [Fact]
    public async Task A_Body_That_Is_Not_An_Object_Is_A_400_Naming_The_Body()
    {
        using var response = await hub.Server.PostAsync(HubForms.CampaignSignUp, new StringContent("[\"name\"]", Encoding.UTF8, "application/json"));

        await AssertBadRequestNaming(response, "body");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"name=Fred\"")]
    [InlineData("42")]
    public async Task Values_That_Are_Not_An_Object_Are_A_400_Naming_Values(string valuesJson)
    {
        var body = new JsonObject { ["values"] = JsonNode.Parse(valuesJson) };

        using var response = await hub.Server.PostBodyAsync(HubForms.CampaignSignUp, body);

        await AssertBadRequestNaming(response, "values");
    }

    [Fact]
    public async Task A_Number_As_A_Value_Is_A_400_Naming_The_Field()
    {
        var email = HubForms.UniqueEmail("number");
        var values = HubForms.SignUpValues("Number Country", email);
        values["country"] = 964;

        using var response = await hub.Server.PostBodyAsync(HubForms.CampaignSignUp, new JsonObject { ["values"] = values });

        await AssertBadRequestNaming(response, "values.country");
        await AssertNotStored(email);
    }

    [Fact]
    public async Task A_Number_Inside_An_Array_Of_Values_Is_A_400_Naming_The_Field()
    {
        var values = HubForms.SignUpValues("Number Campaign", HubForms.UniqueEmail("numberarray"));
        values["campaigns"] = new JsonArray(HubForms.SaveTheTigris.ToString(), 7);

        using var response = await hub.Server.PostBodyAsync(HubForms.CampaignSignUp, new JsonObject { ["values"] = values });

        await AssertBadRequestNaming(response, "values.campaigns");
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("ku")]
    [InlineData("not a culture")]
    public async Task A_Culture_The_Hub_Does_Not_Have_Is_A_400_Naming_Culture(string culture)
    {
        var email = HubForms.UniqueEmail("culture");

        using var response = await hub.Server.SubmitAsync(HubForms.CampaignSignUp, HubForms.SignUpValues("Bad Culture", email), culture);

        await AssertBadRequestNaming(response, "culture");
        await AssertNotStored(email);
    }

    [Fact]
    public async Task A_Culture_That_Is_Not_A_String_Is_A_400_Naming_Culture()
    {
        var body = new JsonObject { ["values"] = HubForms.SignUpValues("Culture Object", HubForms.UniqueEmail("cultureobject")), ["culture"] = new JsonObject() };

        using var response = await hub.Server.PostBodyAsync(HubForms.CampaignSignUp, body);

        await AssertBadRequestNaming(response, "culture");
    }

    [Theory]
    [InlineData("\"the-register-page\"")]
    [InlineData("1234")]
    [InlineData("true")]
    public async Task A_Content_Id_That_Is_Not_A_Guid_Is_A_400_Naming_ContentId(string contentIdJson)
    {
        var email = HubForms.UniqueEmail("contentid");
        var body = new JsonObject { ["values"] = HubForms.SignUpValues("Bad Content Id", email), ["contentId"] = JsonNode.Parse(contentIdJson) };

        using var response = await hub.Server.PostBodyAsync(HubForms.CampaignSignUp, body);

        await AssertBadRequestNaming(response, "contentId");
        await AssertNotStored(email);
    }

    [Fact]
    public async Task A_Content_Id_That_Is_A_Guid_Is_Accepted()
    {
        var registerPage = Delivery.SeedContent.Hub.Items.Single(i => i.ContentType == "registrationPage").Key;
        var email = HubForms.UniqueEmail("contentidok");
        var body = new JsonObject
        {
            ["values"] = HubForms.RegistrationValues("Good Content Id", email),
            ["contentId"] = registerPage.ToString(),
            ["culture"] = HubCultures.English,
        };

        using var response = await hub.Server.PostBodyAsync(HubForms.Registration, body);

        await FormsClient.ReadJsonAsync(response, HttpStatusCode.Accepted);
        var subject = await hub.Server.DataSubjectAsync(FormsHostFixture.StaffApiKey, email);
        Assert.Equal(registerPage, Assert.Single(subject.GetProperty("records").EnumerateArray()).GetProperty("contentId").GetGuid());
    }

    [Fact]
    public async Task Additional_Data_That_Is_Not_An_Object_Of_Strings_Is_A_400_Naming_It()
    {
        var body = new JsonObject
        {
            ["values"] = HubForms.SignUpValues("Bad Data", HubForms.UniqueEmail("additional")),
            ["additionalData"] = new JsonObject { ["formToken"] = 12 },
        };

        using var response = await hub.Server.PostAsync(HubForms.CampaignSignUp, FormsClient.JsonContent(body));

        await AssertBadRequestNaming(response, "additionalData");
    }

    [Fact]
    public async Task A_Plain_Text_Body_Is_A_415()
    {
        using var response = await hub.Server.PostAsync(HubForms.CampaignSignUp, new StringContent("name=Fred", Encoding.UTF8, "text/plain"));

        await FormsClient.ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_Form_Urlencoded_Body_Is_A_415_Even_With_Every_Field_Filled()
    {
        var email = HubForms.UniqueEmail("urlencoded");
        var fields = new Dictionary<string, string>
        {
            ["name"] = "Url Encoded",
            ["email"] = email,
            ["country"] = "Iraq",
            ["campaigns"] = HubForms.SaveTheTigris.ToString(),
            ["consent"] = "on",
            ["formToken"] = (await hub.Server.TokenAsync(HubForms.CampaignSignUp)).FormToken,
        };

        using var response = await hub.Server.PostAsync(HubForms.CampaignSignUp, new FormUrlEncodedContent(fields));

        await FormsClient.ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        await AssertNotStored(email);
    }

    [Fact]
    public async Task A_Body_Without_A_Content_Type_Is_A_415()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"values\":{}}"));
        content.Headers.ContentType = null;

        using var response = await hub.Server.PostAsync(HubForms.CampaignSignUp, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Json_With_A_Charset_Is_Json()
    {
        var email = HubForms.UniqueEmail("charset");
        var token = await hub.Server.TokenAsync(HubForms.CampaignSignUp);
        var body = new JsonObject { ["values"] = HubForms.SignUpValues("Charset", email), ["additionalData"] = new JsonObject { ["formToken"] = token.FormToken } };
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

        using var response = await hub.Server.PostAsync(HubForms.CampaignSignUp, content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    // Who may post.

    [Fact]
    public async Task A_Browser_Without_The_Antiforgery_Token_Or_An_Api_Key_Is_A_400_Naming_Antiforgery()
    {
        var email = HubForms.UniqueEmail("noantiforgery");
        var browser = hub.Browser();
        var token = await browser.TokenAsync(HubForms.CampaignSignUp);
        var body = new JsonObject { ["values"] = HubForms.SignUpValues("No Antiforgery", email), ["additionalData"] = new JsonObject { ["formToken"] = token.FormToken } };

        // The cookie from the token endpoint is sent, but not the header.
        using var response = await browser.PostAsync(HubForms.CampaignSignUp, FormsClient.JsonContent(body));

        await AssertBadRequestNaming(response, "antiforgery");
        await AssertNotStored(email);
    }

    [Fact]
    public async Task A_Browser_With_The_Antiforgery_Header_But_Not_Its_Cookie_Is_A_400_Naming_Antiforgery()
    {
        var email = HubForms.UniqueEmail("nocookie");

        using var response = await hub.Browser(handleCookies: false).SubmitAsync(HubForms.CampaignSignUp, HubForms.SignUpValues("No Cookie", email), HubCultures.English);

        await AssertBadRequestNaming(response, "antiforgery");
        await AssertNotStored(email);
    }

    [Fact]
    public async Task A_Browser_With_Another_Browsers_Antiforgery_Header_Is_A_400_Naming_Antiforgery()
    {
        var email = HubForms.UniqueEmail("otherbrowser");
        var other = await hub.Browser().TokenAsync(HubForms.CampaignSignUp);
        var browser = hub.Browser();
        var token = await browser.TokenAsync(HubForms.CampaignSignUp);
        var body = new JsonObject { ["values"] = HubForms.SignUpValues("Other Browser", email), ["additionalData"] = new JsonObject { ["formToken"] = token.FormToken } };

        using var response = await browser.PostAsync(HubForms.CampaignSignUp, FormsClient.JsonContent(body),
            new Dictionary<string, string> { [other.AntiforgeryHeader] = other.AntiforgeryToken });

        await AssertBadRequestNaming(response, "antiforgery");
        await AssertNotStored(email);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("ar")]
    public async Task A_Browser_With_The_Token_Endpoints_Antiforgery_Header_And_Cookie_Is_Accepted(string culture)
    {
        var email = HubForms.UniqueEmail("browser");

        using var response = await hub.Browser().SubmitAsync(HubForms.Registration, HubForms.RegistrationValues("Browser Person", email), culture);

        var accepted = await FormsClient.ReadJsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(HubDictionary.Text("Forms.RegisterMessage", culture), accepted.GetProperty("messageOnSubmit").GetString());
        Assert.Contains(await hub.Server.StaffRegistrationsAsync(FormsHostFixture.StaffApiKey), r => r.GetProperty("email").GetString() == email);
    }

    [Fact]
    public async Task The_Token_Endpoint_Is_Never_Cached()
    {
        using var response = await hub.Browser().GetTokenAsync(HubForms.Registration);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task The_Token_Endpoint_Is_404_For_An_Unknown_Form()
    {
        using var response = await hub.Browser().GetTokenAsync(Guid.NewGuid());

        await FormsClient.ReadProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("FORMS-API-KEY-FOR-TESTS")]
    [InlineData("forms-api-key-for-test")]
    public async Task A_Wrong_Api_Key_Is_A_401_Even_From_A_Browser_With_Antiforgery(string apiKey)
    {
        var email = HubForms.UniqueEmail("wrongkey");
        var browser = hub.Browser();
        var token = await browser.TokenAsync(HubForms.CampaignSignUp);
        var body = new JsonObject { ["values"] = HubForms.SignUpValues("Wrong Key", email), ["additionalData"] = new JsonObject { ["formToken"] = token.FormToken } };

        using var response = await browser.PostAsync(HubForms.CampaignSignUp, FormsClient.JsonContent(body), new Dictionary<string, string>
        {
            ["Api-Key"] = apiKey,
            [token.AntiforgeryHeader] = token.AntiforgeryToken,
        });

        await FormsClient.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        await AssertNotStored(email);
    }

    [Fact]
    public async Task The_Staff_Key_Is_Not_The_Forms_Api_Key()
    {
        var email = HubForms.UniqueEmail("staffkey");

        using var response = await hub.WithApiKey(FormsHostFixture.StaffApiKey).SubmitAsync(HubForms.CampaignSignUp, HubForms.SignUpValues("Staff Key", email));

        await FormsClient.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        await AssertNotStored(email);
    }
}
