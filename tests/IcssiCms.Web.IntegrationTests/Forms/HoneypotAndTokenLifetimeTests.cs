using System.Net;
using System.Text.Json.Nodes;
using IcssiCms.Core.Forms.Delivery;
using IcssiCms.Core.Registrations;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Delivery;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IcssiCms.Web.IntegrationTests.Forms;

/// <summary>
/// What stops a bot without bothering a person: the honeypot (a field people cannot see), answered as if the entry were
/// taken but not kept; and the form token, which a form shown longer ago than its lifetime no longer has.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class HoneypotAndTokenLifetimeTests(ChangingSite site)
{
    private RegistrationStore Registrations => site.Services.GetRequiredService<RegistrationStore>();

    [Theory]
    [InlineData("0c3e8f0a-6a35-4f0e-9d3b-2a1e5c7b9d41", HubCultures.English)]
    [InlineData("c1ba64a9-0c59-55ff-afd6-100da39726b5", HubCultures.Arabic)]
    public async Task A_Filled_Honeypot_Is_Answered_As_An_Accepted_Entry_But_Nothing_Is_Stored(string form, string culture)
    {
        var formKey = Guid.Parse(form);
        var email = FormEntryTests.UniqueEmail("bot");
        var values = formKey == HubFormKeys.Registration ? FormEntryTests.RegistrationValues("Bot Person", email) : FormEntryTests.SignUpValues("Bot Person", email);
        var entry = FormEntryTests.Entry(values, culture);
        entry["additionalData"] = new JsonObject { [FormsDeliveryApi.HoneypotKey] = "http://spam.example" };

        using var response = await FormEntryTests.PostAsync(site, formKey, entry);

        // The answer looks like a real one: the form's message and a place at each event chosen.
        var accepted = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.Accepted);
        var message = formKey == HubFormKeys.Registration ? "Forms.RegisterMessage" : "Forms.SignUpMessage";
        Assert.Equal(HubDictionary.Text(message, culture), accepted.GetProperty("messageOnSubmit").GetString());
        var place = Assert.Single(accepted.GetProperty("places").EnumerateArray());
        Assert.Equal(formKey == HubFormKeys.Registration ? HubFormKeys.SocialEvent : HubFormKeys.SaveTheTigris, place.GetProperty("id").GetGuid());
        Assert.Equal("placed", place.GetProperty("status").GetString());
        var (records, registrations) = Registrations.Of(email);
        Assert.Empty(records);
        Assert.Empty(registrations);
    }

    [Fact]
    public async Task An_Empty_Honeypot_Is_A_Person()
    {
        var email = FormEntryTests.UniqueEmail("person");
        var entry = FormEntryTests.Entry(FormEntryTests.SignUpValues("Real Person", email), HubCultures.English);
        entry["additionalData"] = new JsonObject { [FormsDeliveryApi.HoneypotKey] = "" };

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.CampaignSignUp, entry);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Single(Registrations.Of(email).Registrations);
    }

    [Fact]
    public async Task A_Form_Shown_Longer_Ago_Than_The_Token_Lifetime_Is_A_400_Saying_The_Token_Expired()
    {
        var lifetime = site.Services.GetRequiredService<IOptions<RegistrationOptions>>().Value.Abuse.FormTokenLifetime;
        var email = FormEntryTests.UniqueEmail("expired");

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.CampaignSignUp,
            BrowserEntryTests.Entry(FormEntryTests.SignUpValues("Expired", email), HubCultures.English, TokenShownAgo(site, HubFormKeys.CampaignSignUp, lifetime + TimeSpan.FromMinutes(1))));

        var problem = await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("additionalData.formToken", problem.GetProperty("member").GetString());
        Assert.Contains("expired", problem.GetProperty("detail").GetString());
        Assert.Empty(Registrations.Of(email).Records);
    }

    [Fact]
    public async Task A_Form_Shown_Just_Within_The_Token_Lifetime_Is_Accepted()
    {
        var lifetime = site.Services.GetRequiredService<IOptions<RegistrationOptions>>().Value.Abuse.FormTokenLifetime;
        var email = FormEntryTests.UniqueEmail("inlifetime");

        using var response = await FormEntryTests.PostAsync(site, HubFormKeys.CampaignSignUp,
            BrowserEntryTests.Entry(FormEntryTests.SignUpValues("In Time", email), HubCultures.English, TokenShownAgo(site, HubFormKeys.CampaignSignUp, lifetime - TimeSpan.FromMinutes(1))));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Single(Registrations.Of(email).Records);
    }

    /// <summary>The form token the site would have given when the form was shown this long ago: its own keys, an earlier clock.</summary>
    public static string TokenShownAgo(HubSite site, Guid form, TimeSpan ago) => new FormTokens(
        site.Services.GetRequiredService<IDataProtectionProvider>(),
        new FakeTimeProvider(DateTimeOffset.UtcNow - ago),
        site.Services.GetRequiredService<IOptions<RegistrationOptions>>()).Issue(form);
}
