using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IcssiCms.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.Services;
using Umbraco.Cms.Infrastructure.BackgroundJobs;
using Umbraco.Cms.Infrastructure.BackgroundJobs.Jobs;

namespace IcssiCms.Web.IntegrationTests.Hosting;

/// <summary>What a developer who runs the site, and the administrator who signs in, are promised (README, "The site").</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class SiteTests(HubSite site)
{
    private const string LoginUrl = "/umbraco/management/api/v1/security/back-office/login";

    [Fact]
    public async Task The_Back_Office_Opens_At_Umbraco()
    {
        using var response = await site.CreateClient().GetAsync("/umbraco");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_First_Administrator_Signs_In_With_The_Configured_Password_And_Not_Another()
    {
        var client = site.CreateClient();

        using var refused = await client.PostAsJsonAsync(LoginUrl, new { username = HubSite.AdministratorEmail, password = "not-the-password-1" });
        using var signedIn = await client.PostAsJsonAsync(LoginUrl, new { username = HubSite.AdministratorEmail, password = HubSite.AdministratorPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task An_Editor_Named_In_Configuration_Signs_In_In_The_Editors_Group_And_Not_As_An_Administrator()
    {
        // Made in the background once the startup import is over.
        await site.Services.GetServices<IHostedService>().OfType<ConfiguredEditors>().Single().ExecuteTask!;
        var client = site.CreateClient();

        using var refused = await client.PostAsJsonAsync(LoginUrl, new { username = HubSite.EditorEmail, password = "not-the-password-1" });
        using var signedIn = await client.PostAsJsonAsync(LoginUrl, new { username = HubSite.EditorEmail, password = HubSite.EditorPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var editor = site.Services.GetRequiredService<IUserService>().GetByEmail(HubSite.EditorEmail)!;
        var editorsGroup = await site.Services.GetRequiredService<IUserGroupService>().GetAsync(Constants.Security.EditorGroupKey);
        Assert.Equal("Hub Editor", editor.Name);
        Assert.Equal([editorsGroup!.Alias], editor.Groups.Select(g => g.Alias));
    }

    [Fact]
    public void A_Run_Leaves_Appsettings_Json_As_It_Was_And_Keeps_What_Umbraco_Generates_Beside_The_Database()
    {
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(HubSite.RepositoryRoot, "appsettings.json")),
            File.ReadAllBytes(Path.Combine(site.ContentRoot, "appsettings.json")));

        var generated = JsonNode.Parse(File.ReadAllText(Path.Combine(site.DataFolder, GeneratedSettings.FileName)))!;
        var key = Convert.FromBase64String(generated["Umbraco"]!["CMS"]!["Imaging"]!["HMACSecretKey"]!.GetValue<string>());
        Assert.Equal(64, key.Length);
        Assert.Equal(key, site.Services.GetRequiredService<IOptions<ImagingSettings>>().Value.HMACSecretKey);
    }

    [Fact]
    public void Umbraco_Does_Not_Report_The_Site_To_Its_Telemetry_Service_Unless_Configured()
    {
        var jobs = site.Services.GetServices<IRecurringBackgroundJob>().ToList();

        Assert.NotEmpty(jobs);
        Assert.DoesNotContain(jobs, job => job is ReportSiteJob);
    }

    [Fact]
    public void Without_A_Configured_Password_The_Site_Makes_A_Strong_One_Each_Time()
    {
        var first = new UnattendedSettings();
        var second = new UnattendedSettings();
        new FirstAdministrator().PostConfigure(null, first);
        new FirstAdministrator().PostConfigure(null, second);

        Assert.True(first.UnattendedUserPassword!.Length >= 24, first.UnattendedUserPassword.Length.ToString());
        Assert.NotEqual(first.UnattendedUserPassword, second.UnattendedUserPassword);

        var configured = new UnattendedSettings { UnattendedUserPassword = HubSite.AdministratorPassword };
        var administrator = new FirstAdministrator();
        administrator.PostConfigure(null, configured);
        Assert.Equal((HubSite.AdministratorPassword, false), (configured.UnattendedUserPassword, administrator.PasswordWasGenerated));
    }
}
