using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcssiCms.Core.Registrations;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Delivery;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.Web.IntegrationTests.Forms;

/// <summary>
/// Entries from browsers: they fetch the form token and the antiforgery token (with its cookie) when the form is shown,
/// and send both back; a server with the Forms API key needs neither, but a form token it passes on is checked.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class BrowserEntryTests(ChangingSite site)
{
    public const string TokenPath = "/api/icssi/forms";

    [Theory]
    [InlineData(HubCultures.English)]
    [InlineData(HubCultures.Arabic)]
    public async Task A_Browser_With_The_Tokens_Shown_With_The_Form_Signs_Up(string culture)
    {
        using var browser = site.CreateClient();
        var email = FormEntryTests.UniqueEmail("browser");
        var (formToken, header, requestToken) = await TokensAsync(browser, HubFormKeys.CampaignSignUp);

        using var response = await PostAsync(browser, HubFormKeys.CampaignSignUp, Entry(FormEntryTests.SignUpValues("Browser Person", email), culture, formToken), (header, requestToken));

        var accepted = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(HubDictionary.Text("Forms.SignUpMessage", culture), accepted.GetProperty("messageOnSubmit").GetString());
        Assert.Single(site.Services.GetRequiredService<RegistrationStore>().Of(email).Registrations);
    }

    [Fact]
    public async Task A_Browser_Without_The_Form_Token_Is_A_400_Naming_It()
    {
        using var browser = site.CreateClient();
        var (_, header, requestToken) = await TokensAsync(browser, HubFormKeys.CampaignSignUp);

        using var response = await PostAsync(browser, HubFormKeys.CampaignSignUp, Entry(FormEntryTests.SignUpValues("No Token", FormEntryTests.UniqueEmail("notoken")), null, null), (header, requestToken));

        var problem = await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("additionalData.formToken", problem.GetProperty("member").GetString());
    }

    [Fact]
    public async Task A_Browser_With_Another_Forms_Token_Is_A_400_Naming_It()
    {
        using var browser = site.CreateClient();
        var (formToken, header, requestToken) = await TokensAsync(browser, HubFormKeys.Registration);

        using var response = await PostAsync(browser, HubFormKeys.CampaignSignUp, Entry(FormEntryTests.SignUpValues("Wrong Form", FormEntryTests.UniqueEmail("wrongform")), null, formToken), (header, requestToken));

        var problem = await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("additionalData.formToken", problem.GetProperty("member").GetString());
    }

    [Fact]
    public async Task A_Browser_Without_The_Antiforgery_Token_Is_A_400_Naming_Antiforgery()
    {
        using var browser = site.CreateClient();
        var (formToken, _, _) = await TokensAsync(browser, HubFormKeys.CampaignSignUp);

        using var response = await PostAsync(browser, HubFormKeys.CampaignSignUp, Entry(FormEntryTests.SignUpValues("No Antiforgery", FormEntryTests.UniqueEmail("noaf")), null, formToken), null);

        var problem = await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("antiforgery", problem.GetProperty("member").GetString());
    }

    [Fact]
    public async Task A_Server_Passing_On_A_Made_Up_Form_Token_Is_A_400()
    {
        using var server = site.CreateClient();
        server.DefaultRequestHeaders.Add("Api-Key", ChangingSite.FormsApiKey);

        using var response = await PostAsync(server, HubFormKeys.CampaignSignUp, Entry(FormEntryTests.SignUpValues("Made Up", FormEntryTests.UniqueEmail("madeup")), null, "made-up-token"), null);

        var problem = await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("additionalData.formToken", problem.GetProperty("member").GetString());
    }

    [Fact]
    public async Task The_Token_Endpoint_Is_Never_Cached_And_Is_404_For_An_Unknown_Form()
    {
        using var browser = site.CreateClient();

        using var known = await browser.GetAsync($"{TokenPath}/{HubFormKeys.Registration:D}/token");
        using var unknown = await browser.GetAsync($"{TokenPath}/{Guid.NewGuid():D}/token");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.True(known.Headers.CacheControl?.NoStore);
        await FormDefinitionTests.ReadProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    public static async Task<(string FormToken, string Header, string RequestToken)> TokensAsync(HttpClient browser, Guid form)
    {
        var answer = await browser.GetFromJsonAsync<JsonElement>($"{TokenPath}/{form:D}/token");
        var antiforgery = answer.GetProperty("antiforgery");
        return (answer.GetProperty("formToken").GetString()!, antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("requestToken").GetString()!);
    }

    public static JsonObject Entry(JsonObject values, string? culture, string? formToken)
    {
        var entry = FormEntryTests.Entry(values, culture);
        if (formToken is not null)
        {
            entry["additionalData"] = new JsonObject { ["formToken"] = formToken };
        }

        return entry;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid form, JsonObject entry, (string Header, string Token)? antiforgery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{FormEntryTests.EntriesPath}/{form:D}")
        {
            Content = JsonContent.Create(entry),
        };
        if (antiforgery is { } tokens)
        {
            request.Headers.Add(tokens.Header, tokens.Token);
        }

        return await client.SendAsync(request);
    }
}
