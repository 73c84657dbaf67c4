using System.Net;
using System.Text;
using IcssiCms.EmbeddedHost.BackOffice;
using IcssiCms.IntegrationTests.Registrations;
using Microsoft.Extensions.DependencyInjection;
using static IcssiCms.IntegrationTests.Registrations.RegistrationHost;

namespace IcssiCms.IntegrationTests.BackOffice.Admin;

/// <summary>The administrators' registrations pages, over sign-ups made through the Forms API.</summary>
[Collection(RegistrationsCollection.Name)]
public sealed class RegistrationsPageTests
{
    private static readonly Dictionary<string, string> AdminSettings = new()
    {
        ["Umbraco:CMS:Unattended:UnattendedUserName"] = BackOfficeHost.AdminName,
        ["Umbraco:CMS:Unattended:UnattendedUserEmail"] = BackOfficeHost.AdminEmail,
        ["Umbraco:CMS:Unattended:UnattendedUserPassword"] = BackOfficeHost.AdminPassword,
    };

    [Fact]
    public async Task The_Page_Lists_Sign_Ups_Per_Event_And_Exports_Them_As_Csv()
    {
        await using var host = await StartWithAdminAsync(new Dictionary<Guid, int> { [SocialEvent] = 1 });
        await host.SignUpAsync("first@example.org", "First Person", [SocialEvent, IraqSession]);
        await host.SignUpAsync("second@example.org", "شخص ثان", [SocialEvent], "ar");

        var index = await host.Client.GetStringAsync("/umbraco/admin/registrations");
        var page = await host.Client.GetStringAsync($"/umbraco/admin/registrations/{SocialEvent}");
        using var export = await host.Client.GetAsync($"/umbraco/admin/registrations/{SocialEvent}?handler=Export");
        var csv = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync());

        Assert.Contains("<caption>Events with registrations</caption>", index, StringComparison.Ordinal);
        Assert.Contains($"/umbraco/admin/registrations/{SocialEvent}", index, StringComparison.Ordinal);
        Assert.Contains($"/umbraco/admin/registrations/{IraqSession}", index, StringComparison.Ordinal);
        Assert.Contains("first@example.org", page, StringComparison.Ordinal);
        Assert.Contains("شخص ثان", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("""<dd id="capacity">1</dd>""", page, StringComparison.Ordinal);
        Assert.Contains("""<dd id="held">1</dd>""", page, StringComparison.Ordinal);
        Assert.Contains("""<dd id="waitlisted">1</dd>""", page, StringComparison.Ordinal);
        Assert.Contains(">waitlisted<", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", export.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Contains("first@example.org", csv, StringComparison.Ordinal);
        Assert.Contains("شخص ثان", csv, StringComparison.Ordinal);
        Assert.Equal(3, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Promote_And_Erase_Work_From_The_Page_With_A_Confirmation_Before_Erasing()
    {
        await using var host = await StartWithAdminAsync(new Dictionary<Guid, int> { [SocialEvent] = 1 });
        await host.SignUpAsync("holder@example.org", "Holder", [SocialEvent]);
        await host.SignUpAsync("waiting@example.org", "Waiting", [SocialEvent, IraqSession]);
        var path = $"/umbraco/admin/registrations/{SocialEvent}";
        var waiting = (await host.StaffListAsync(SocialEvent)).Single(r => r.Email == "waiting@example.org");

        var promote = await PostAsync(host.Client, path, "Promote", new() { ["id"] = waiting.Id.ToString() });
        var afterPromote = await host.Client.GetStringAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, promote.StatusCode);
        Assert.Contains("the person is now first in line", afterPromote, StringComparison.Ordinal);

        var ask = await PostAsync(host.Client, path, "Erase", new() { ["email"] = "waiting@example.org" });
        var question = await ask.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains("Yes, erase this person", question, StringComparison.Ordinal);
        Assert.Equal(3, (await host.StaffListAsync()).Count);

        var erase = await PostAsync(host.Client, path, "Erase", new() { ["email"] = "waiting@example.org", ["confirmed"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, erase.StatusCode);
        Assert.Contains("Erased: 1 sign-ups and 2 registrations deleted.", await host.Client.GetStringAsync(path), StringComparison.Ordinal);
        Assert.Equal(["holder@example.org"], (await host.StaffListAsync()).Select(r => r.Email));
    }

    private static async Task<RegistrationHost> StartWithAdminAsync(Dictionary<Guid, int> capacities)
    {
        var host = await StartAsync(capacities, AdminSettings);
        await host.App.Services.GetRequiredService<FirstAdministrator>().Completion;
        var signIn = await BackOfficeHost.SignInAsync(host.Client, BackOfficeHost.AdminEmail, BackOfficeHost.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return host;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var (_, token) = await BackOfficeHost.GetFormAsync(client, path);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(fields));
    }
}
