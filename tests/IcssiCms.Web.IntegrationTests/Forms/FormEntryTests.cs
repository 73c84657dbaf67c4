using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcssiCms.Core.Registrations;
using IcssiCms.Core.Schema;
using IcssiCms.Web.IntegrationTests.Delivery;
using IcssiCms.Web.IntegrationTests.Hosting;
using IcssiCms.Web.IntegrationTests.Registrations;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.Web.IntegrationTests.Forms;

/// <summary>
/// Umbraco Forms' <c>POST entries/{id}</c> on the Umbraco site, from a server client with the Forms API key, as Forms'
/// documentation shows it: sign-ups stored in Umbraco's database with a place or a place in line at each chosen event.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class FormEntryTests(ChangingSite site)
{
    public const string EntriesPath = "/umbraco/forms/delivery/api/v1/entries";

    public static TheoryData<string> Cultures => [HubCultures.English, HubCultures.Arabic];

    private RegistrationStore Registrations => site.Services.GetRequiredService<RegistrationStore>();

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task A_Registration_Is_Accepted_With_The_Translated_Message_And_A_Place_At_Each_Chosen_Event(string culture)
    {
        var email = UniqueEmail("layla");

        using var response = await PostAsync(HubFormKeys.Registration, Entry(RegistrationValues("Layla Hassan", email, HubFormKeys.SocialEvent, HubFormKeys.IraqSession), culture));

        var accepted = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(HubDictionary.Text("Forms.RegisterMessage", culture), accepted.GetProperty("messageOnSubmit").GetString());
        var places = accepted.GetProperty("places").EnumerateArray().ToList();
        Assert.Equal(new[] { HubFormKeys.SocialEvent, HubFormKeys.IraqSession }.Order(), places.Select(p => p.GetProperty("id").GetGuid()).Order());
        Assert.All(places, p => Assert.Equal("placed", p.GetProperty("status").GetString()));
        Assert.All(places, p => Assert.Equal(SeedContent.Hub[p.GetProperty("id").GetGuid()].Name(culture), p.GetProperty("name").GetString()));

        var (records, registrations) = Registrations.Of(email);
        var record = Assert.Single(records);
        Assert.Equal((HubFormKeys.Registration, culture), (record.FormKey, record.Culture));
        Assert.Equal("Layla Hassan", JsonSerializer.Deserialize<Dictionary<string, string[]>>(record.ValuesJson)!["name"].Single());
        Assert.False(string.IsNullOrEmpty(record.ConsentVersion));
        Assert.Equal(new[] { HubFormKeys.SocialEvent, HubFormKeys.IraqSession }.Order(), registrations.Select(r => r.EventKey).Order());
        Assert.All(registrations, r => Assert.Equal((RegistrationStatus.Pending, "Layla Hassan", culture), ((RegistrationStatus)r.Status, r.Name, r.Culture)));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task A_Campaign_Sign_Up_Is_Accepted_With_A_Place_In_Each_Campaign(string culture)
    {
        var email = UniqueEmail("karim");
        var womensRights = SeedContent.Hub.Named("Women's Rights").Key;

        using var response = await PostAsync(HubFormKeys.CampaignSignUp, Entry(SignUpValues("كريم عبد الله", email, HubFormKeys.SaveTheTigris, womensRights), culture));

        var accepted = await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(HubDictionary.Text("Forms.SignUpMessage", culture), accepted.GetProperty("messageOnSubmit").GetString());
        Assert.Equal(new[] { HubFormKeys.SaveTheTigris, womensRights }.Order(), accepted.GetProperty("places").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Order());
        Assert.Equal(2, Registrations.Of(email).Registrations.Count);
    }

    [Fact]
    public async Task Each_Sign_Up_Keeps_The_Consent_Text_Agreed_To_In_Its_Language_Named_By_Its_Version()
    {
        var before = DateTime.UtcNow;
        var english = UniqueEmail("consent-en");
        var arabic = UniqueEmail("consent-ar");
        using (var response = await PostAsync(HubFormKeys.Registration, Entry(RegistrationValues("Consent Given", english, HubFormKeys.SocialEvent), HubCultures.English)))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        using (var response = await PostAsync(HubFormKeys.Registration, Entry(RegistrationValues("موافقة معطاة", arabic, HubFormKeys.SocialEvent), HubCultures.Arabic)))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var records = new[] { (Email: english, Culture: HubCultures.English), (Email: arabic, Culture: HubCultures.Arabic) }
            .Select(person => (person.Culture, Record: Assert.Single(Registrations.Of(person.Email).Records))).ToList();

        // Each language's text is its own version; the text kept is the one the form showed, and its hash is the version.
        Assert.NotEqual(records[0].Record.ConsentVersion, records[1].Record.ConsentVersion);
        foreach (var (culture, record) in records)
        {
            Assert.Equal(HubDictionary.Text("Forms.Consent.AcceptCopy", culture), record.ConsentText);
            Assert.False(string.IsNullOrEmpty(record.ConsentVersion));
            Assert.Equal(record.ConsentVersion, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(record.ConsentText!)))[..record.ConsentVersion.Length]);
            Assert.InRange(record.CreatedUtc, before, DateTime.UtcNow);
        }
    }

    [Fact]
    public async Task Signing_Up_Again_For_The_Same_Event_Changes_Nothing()
    {
        var email = UniqueEmail("repeat");
        var entry = Entry(RegistrationValues("Repeat Person", email, HubFormKeys.SocialEvent));

        using var first = await PostAsync(HubFormKeys.Registration, entry);
        using var second = await PostAsync(HubFormKeys.Registration, entry);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        var (records, registrations) = Registrations.Of(email);
        Assert.Single(records);
        Assert.Single(registrations);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task An_Entry_Without_An_Email_Is_A_422_With_The_Fields_Message_In_Its_Language_And_Nothing_Stored(string culture)
    {
        var values = RegistrationValues("No Email", "placeholder@example.org");
        values.Remove("email");

        using var response = await PostAsync(HubFormKeys.Registration, Entry(values, culture));

        var problem = await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => Assert.Single(e.Value.EnumerateArray()).GetString());
        Assert.Equal(HubDictionary.Message("Forms.RequiredError", "Forms.Email", culture), Assert.Single(errors).Value);
        Assert.Equal("email", errors.Keys.Single());
    }

    [Fact]
    public async Task A_Wrong_Api_Key_Is_A_401_And_Nothing_Is_Stored()
    {
        var email = UniqueEmail("wrongkey");
        using var http = site.CreateClient();
        http.DefaultRequestHeaders.Add("Api-Key", "not-the-key");

        using var response = await http.PostAsJsonAsync($"{EntriesPath}/{HubFormKeys.CampaignSignUp:D}", Entry(SignUpValues("Wrong Key", email)));

        await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(Registrations.Of(email).Records);
    }

    [Fact]
    public async Task An_Unknown_Form_Is_A_404()
    {
        using var response = await PostAsync(Guid.NewGuid(), Entry(SignUpValues("Nobody", UniqueEmail("unknown"))));

        await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_Culture_The_Hub_Does_Not_Have_Is_A_400_Naming_Culture()
    {
        using var response = await PostAsync(HubFormKeys.CampaignSignUp, Entry(SignUpValues("Farsi", UniqueEmail("fa")), "fa-IR"));

        var problem = await FormDefinitionTests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("culture", problem.GetProperty("member").GetString());
    }

    [Fact]
    public async Task When_An_Event_Is_Full_The_Next_Sign_Up_Goes_On_Its_Waitlist()
    {
        var capacity = HeldAtSocialEvent() + 1;
        using var _ = SetSocialEventCapacity(capacity);
        var first = UniqueEmail("last-place");
        var second = UniqueEmail("too-late");

        using var placed = await PostAsync(HubFormKeys.Registration, Entry(RegistrationValues("Last Place", first)));
        using var waitlisted = await PostAsync(HubFormKeys.Registration, Entry(RegistrationValues("Too Late", second)));

        Assert.Equal("placed", Status(await DeliveryApiClient.ReadJsonAsync(placed, HttpStatusCode.Accepted)));
        Assert.Equal("waitlisted", Status(await DeliveryApiClient.ReadJsonAsync(waitlisted, HttpStatusCode.Accepted)));
        Assert.Equal(RegistrationStatus.Waitlisted, (RegistrationStatus)Assert.Single(Registrations.Of(second).Registrations).Status);
        Assert.Equal(capacity, HeldAtSocialEvent());
    }

    [Fact]
    public async Task Lowering_A_Capacity_Takes_No_Place_From_Anyone_Who_Has_One()
    {
        var held = HeldAtSocialEvent();
        var first = UniqueEmail("kept-1");
        var second = UniqueEmail("kept-2");
        using (SetSocialEventCapacity(held + 2))
        {
            using var a = await PostAsync(HubFormKeys.Registration, Entry(RegistrationValues("Kept One", first)));
            using var b = await PostAsync(HubFormKeys.Registration, Entry(RegistrationValues("Kept Two", second)));
            Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (a.StatusCode, b.StatusCode));
        }

        using var _ = SetSocialEventCapacity(held);
        using var late = await PostAsync(HubFormKeys.Registration, Entry(RegistrationValues("Late", UniqueEmail("late"))));

        Assert.Equal("waitlisted", Status(await DeliveryApiClient.ReadJsonAsync(late, HttpStatusCode.Accepted)));
        Assert.All(new[] { first, second }, email => Assert.Equal(RegistrationStatus.Pending, (RegistrationStatus)Assert.Single(Registrations.Of(email).Registrations).Status));
        Assert.Equal(held + 2, HeldAtSocialEvent());
    }

    [Fact]
    public async Task Sign_Ups_At_Once_For_The_Last_Places_Place_Exactly_As_Many_As_There_Are()
    {
        const int lastPlaces = 5;
        const int signUps = 60;
        var capacity = HeldAtSocialEvent() + lastPlaces;
        using var _ = SetSocialEventCapacity(capacity);

        var answers = await Task.WhenAll(Enumerable.Range(0, signUps).Select(async i =>
        {
            using var response = await PostAsync(HubFormKeys.Registration, Entry(RegistrationValues($"Crowd {i}", UniqueEmail($"crowd{i}"))));
            return Status(await DeliveryApiClient.ReadJsonAsync(response, HttpStatusCode.Accepted));
        }));

        Assert.Equal(lastPlaces, answers.Count(a => a == "placed"));
        Assert.Equal(signUps - lastPlaces, answers.Count(a => a == "waitlisted"));
        Assert.Equal(capacity, HeldAtSocialEvent());
    }

    private static string Status(JsonElement accepted) => Assert.Single(accepted.GetProperty("places").EnumerateArray()).GetProperty("status").GetString()!;

    private int HeldAtSocialEvent() => Registrations.HeldPlaces([HubFormKeys.SocialEvent])[HubFormKeys.SocialEvent];

    private IDisposable SetSocialEventCapacity(int capacity) => EventCapacity.Set(site, HubFormKeys.SocialEvent, capacity);

    private Task<HttpResponseMessage> PostAsync(Guid form, JsonObject entry) => PostAsync(site, form, entry);

    /// <summary>An entry sent as a server client with the Forms API key.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HubSite site, Guid form, JsonObject entry)
    {
        using var http = site.CreateClient();
        http.DefaultRequestHeaders.Add("Api-Key", ChangingSite.FormsApiKey);
        return await http.PostAsync($"{EntriesPath}/{form:D}", new StringContent(entry.ToJsonString(), Encoding.UTF8, "application/json"));
    }

    public static JsonObject Entry(JsonObject values, string? culture = null)
    {
        var entry = new JsonObject { ["values"] = values };
        if (culture is not null)
        {
            entry["culture"] = culture;
        }

        return entry;
    }

    /// <summary>A registration every rule accepts: the social event (or the events given), no visa needed.</summary>
    public static JsonObject RegistrationValues(string name, string email, params Guid[] attend) => new()
    {
        ["name"] = name,
        ["email"] = email,
        ["country"] = "Norway",
        ["organisation"] = "Iraqi Social Forum",
        ["role"] = "activist",
        ["attend"] = new JsonArray((attend.Length == 0 ? [HubFormKeys.SocialEvent] : attend).Select(k => (JsonNode)k.ToString()).ToArray()),
        ["schengenVisa"] = "no",
        ["consent"] = "on",
    };

    /// <summary>A campaign sign-up every rule accepts.</summary>
    public static JsonObject SignUpValues(string name, string email, params Guid[] campaigns) => new()
    {
        ["name"] = name,
        ["email"] = email,
        ["country"] = "Iraq",
        ["campaigns"] = new JsonArray((campaigns.Length == 0 ? [HubFormKeys.SaveTheTigris] : campaigns).Select(k => (JsonNode)k.ToString()).ToArray()),
        ["consent"] = "on",
    };

    /// <summary>An address no other test uses.</summary>
    public static string UniqueEmail(string who) => $"{who}.{Guid.NewGuid():N}@example.org";
}
