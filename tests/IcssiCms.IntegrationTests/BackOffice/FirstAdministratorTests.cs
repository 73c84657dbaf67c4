using IcssiCms.EmbeddedHost.BackOffice;
using IcssiCms.IntegrationTests.Hosting;
using IcssiCms.Store.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.IntegrationTests.BackOffice;

[Collection(BackOfficeCollection.Name)]
public sealed class FirstAdministratorTests : IDisposable
{
    private const string Password = "a password of some length";

    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task First_Administrator_Is_Logged_Without_Its_Password_Or_Email_And_Created_Only_Once()
    {
        var first = await StartAsync(("Admin", "first@icssi.invalid", Password));
        var second = await StartAsync(("Other", "second@icssi.invalid", Password));

        var user = Assert.Single(second.Users);
        Assert.Equal("first@icssi.invalid", user.Email);
        Assert.Contains("Created the first back-office administrator", first.Logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, first.Logs, StringComparison.Ordinal);
        Assert.DoesNotContain("first@icssi.invalid", first.Logs, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_Unattended_Settings_And_Users_The_Host_Says_How_To_Set_Them()
    {
        var started = await StartAsync(null);

        Assert.Empty(started.Users);
        Assert.Contains("Umbraco__CMS__Unattended__UnattendedUserPassword", started.Logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unattended_Password_Shorter_Than_Umbracos_Required_Length_Creates_No_User()
    {
        var started = await StartAsync(("Admin", "short@icssi.invalid", "too short"));

        Assert.Empty(started.Users);
        Assert.Contains("shorter than", started.Logs, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Starts a host on this test's store, waits for the first administrator, stops it and reads its log.</summary>
    private async Task<(List<BackOfficeUser> Users, string Logs)> StartAsync((string Name, string Email, string Password)? unattended)
    {
        var logs = Path.Combine(_folder.Path, "Logs", Guid.NewGuid().ToString("N"));
        await using var factory = new EmbeddedHostFactory(_folder.Path, EmbeddedHostFactory.HubUsyncFolder);
        await using var host = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("uSync:Settings:ImportOnFirstBoot", "false")
                .UseSetting("uSync:Settings:ImportAtStartup", "None")
                .UseSetting("Umbraco:CMS:Logging:Directory", logs);
            if (unattended is { } settings)
            {
                builder.UseSetting("Umbraco:CMS:Unattended:UnattendedUserName", settings.Name)
                    .UseSetting("Umbraco:CMS:Unattended:UnattendedUserEmail", settings.Email)
                    .UseSetting("Umbraco:CMS:Unattended:UnattendedUserPassword", settings.Password);
            }
        });

        await host.Services.GetRequiredService<FirstAdministrator>().Completion;
        List<BackOfficeUser> users;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            users = await scope.ServiceProvider.GetRequiredService<HubDbContext>().BackOfficeUsers.AsNoTracking().ToListAsync();
        }

        // The host's log file is flushed when the host stops.
        await host.DisposeAsync();
        return (users, string.Concat(Directory.EnumerateFiles(logs, "*", SearchOption.AllDirectories).Select(ReadShared)));
    }

    private static string ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
