using System.Text;
using IcssiCms.Core.Registrations;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NPoco;
using Umbraco.Cms.Infrastructure.Scoping;

namespace IcssiCms.Web.IntegrationTests.Registrations;

/// <summary>
/// A generated batch of hostile bodies for the e-mailed links' actions (<c>POST /api/icssi/registrations/confirm</c> and
/// <c>/cancel</c>, and the link page's button): each gets a 4xx with a problem body, and no registration changes.
/// </summary>
[Collection(ChangingSiteCollection.Name)]
public sealed class HostileLinkTests(ChangingSite site)
{
    private const string Placeholder = "CfDJ8-not-a-token";
    private const string Valid = "{\"token\":\"" + Placeholder + "\"}";

    public static TheoryData<string, byte[], string> Bodies()
    {
        var data = new TheoryData<string, byte[], string>();
        void Json(string name, string body) => data.Add(name, Encoding.UTF8.GetBytes(body), "application/json");

        HostileJson.AddCommon(data, Valid, Placeholder, "token");
        foreach (var (name, body) in new[]
        {
            ("a token that is not one", Valid), ("an empty token", "{\"token\":\"\"}"), ("no token", "{}"),
            ("a token of 100,000 characters", Valid.Replace(Placeholder, new string('A', 100_000))),
            ("a token as a number", "{\"token\":42}"), ("a token as an array", "{\"token\":[\"x\"]}"), ("a token as null", "{\"token\":null}"),
            ("a token as an object", "{\"token\":{\"key\":\"x\"}}"), ("the token twice", "{\"token\":\"a\",\"token\":\"b\"}"),
            ("an unknown member", "{\"token\":\"" + Placeholder + "\",\"email\":\"someone@example.org\"}"),
            ("a body that is an array", "[" + Valid + "]"), ("a body that is a string", "\"token\""), ("a body that is null", "null"),
            ("a registration key instead of a token", "{\"token\":\"" + Guid.NewGuid().ToString("N") + "\"}"),
            ("a path in the token", "{\"token\":\"../../umbraco/Data/Umbraco.sqlite.db\"}"),
        })
        {
            Json($"wrong: {name}", body);
        }

        data.Add("form-urlencoded", Encoding.UTF8.GetBytes("token=x"), "application/x-www-form-urlencoded");
        data.Add("plain text", Encoding.UTF8.GetBytes(Valid), "text/plain");
        return data;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_Hostile_Body_Gets_A_4xx_Problem_And_No_Registration_Changes(string name, byte[] body, string contentType)
    {
        foreach (var action in new[] { "confirm", "cancel" })
        {
            var before = Statuses();
            using var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);

            using var response = await site.CreateClient().PostAsync($"/api/icssi/registrations/{action}", content);

            await HostileJson.AssertRefusedAsync(response, $"{action}, {name}");
            Assert.Equal(before, Statuses());
        }
    }

    [Theory]
    [InlineData("token=not-a-token")]
    [InlineData("token=")]
    [InlineData("")]
    [InlineData("token=%FF%FE&token=%C0%AF")]
    public async Task The_Link_Pages_Button_Without_The_Pages_Form_Gets_A_4xx_Problem(string form)
    {
        var before = Statuses();
        using var content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await site.CreateClient().PostAsync("/registrations/cancel", content);

        await HostileJson.AssertRefusedAsync(response, form);
        Assert.Equal(before, Statuses());
    }

    private string Statuses()
    {
        using var scope = site.Services.GetRequiredService<IScopeProvider>().CreateScope(autoComplete: true);
        return string.Join(',', scope.Database.Fetch<int>(new Sql($"SELECT status FROM {RegistrationDto.TableName} ORDER BY [key]")));
    }
}
