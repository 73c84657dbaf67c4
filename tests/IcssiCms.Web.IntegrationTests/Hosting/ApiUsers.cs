using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.Membership;
using Umbraco.Cms.Core.Security;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Hosting;

/// <summary>
/// Umbraco API users for tests: a user of kind API in a user group, with client credentials, and an HTTP client that
/// carries the access token Umbraco's token endpoint gives for them (the client credentials flow).
/// </summary>
public static class ApiUsers
{
    public static async Task<HttpClient> ClientInGroupAsync(WebApplicationFactory<Program> site, Guid userGroupKey)
    {
        var (clientId, secret) = await CreateAsync(site, userGroupKey);
        return await ClientForAsync(site, clientId, secret);
    }

    /// <summary>An HTTP client carrying the access token Umbraco gives for these client credentials.</summary>
    public static async Task<HttpClient> ClientForAsync(WebApplicationFactory<Program> site, string clientId, string secret)
    {
        var http = site.CreateClient();
        using var token = await http.PostAsync("/umbraco/management/api/v1/security/back-office/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(token.IsSuccessStatusCode, $"No token: {body}");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return http;
    }

    /// <summary>A new API user in the group, and its client credentials.</summary>
    public static async Task<(string ClientId, string Secret)> CreateAsync(WebApplicationFactory<Program> site, Guid userGroupKey)
    {
        var name = "tests-" + Guid.NewGuid().ToString("N")[..10];
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserService>();
        var created = await users.CreateAsync(
            Constants.Security.SuperUserKey,
            new UserCreateModel { Email = $"{name}@localhost.invalid", UserName = $"{name}@localhost.invalid", Name = name, Kind = UserKind.Api, UserGroupKeys = new HashSet<Guid> { userGroupKey } },
            approveUser: true);
        Assert.True(created.Success, $"API user not created: {created.Status}");

        var clientId = $"umbraco-back-office-{name}";
        var secret = Guid.NewGuid().ToString("N");
        var credentials = scope.ServiceProvider.GetRequiredService<IBackOfficeUserClientCredentialsManager>();
        var saved = await credentials.SaveAsync(created.Result.CreatedUser!.Key, clientId, secret);
        Assert.True(saved.Success, $"Client credentials not saved: {saved.Result}");
        return (clientId, secret);
    }
}
