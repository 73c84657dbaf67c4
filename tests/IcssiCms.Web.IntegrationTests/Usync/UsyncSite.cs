using System.Text;
using System.Xml.Linq;
using IcssiCms.Core.Usync.Exporting;
using IcssiCms.Core.Usync.Planning;
using IcssiCms.Usync;
using IcssiCms.Usync.Cli;
using IcssiCms.Usync.Planning;
using IcssiCms.Usync.Writing;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IcssiCms.Web.IntegrationTests.Usync;

[CollectionDefinition(Name)]
public sealed class UsyncSiteCollection : ICollectionFixture<UsyncSite>
{
    public const string Name = "usync against a site";
}

/// <summary>What one run of the command line gave: its exit code and what it wrote to each writer.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}--- output ---{Environment.NewLine}{Output}--- error ---{Environment.NewLine}{Error}";
}

/// <summary>
/// A seeded site on real Kestrel at 127.0.0.1 on a free port, for the <c>usync</c> command line to plan, apply and export
/// against over HTTP, signed in as the deploy API user the site makes from its configuration (<c>IcssiCms:Deploy</c>).
/// </summary>
public sealed class UsyncSite() : KestrelHubSite(_ => new Dictionary<string, string?>
{
    ["IcssiCms:Deploy:ClientId"] = DeployClientId,
    ["IcssiCms:Deploy:ClientSecret"] = DeploySecret,
})
{
    private const string DeployClientId = "umbraco-back-office-deploy-tests";
    private const string DeploySecret = "a-deploy-secret-for-tests-3f9a";

    public (string ClientId, string Secret) Developer { get; } = (DeployClientId, DeploySecret);

    /// <summary>An HTTP client signed in as the deploy user, for the endpoints themselves; shared by the collection.</summary>
    public HttpClient Administrator { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Administrator = await ApiUsers.ClientForAsync(this, DeployClientId, DeploySecret);
    }

    public override async ValueTask DisposeAsync()
    {
        Administrator?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Runs <c>usync</c> in-process against this site as a CI job would (plain output), with the secret in the environment.</summary>
    public async Task<CliRun> RunAsync(string[] args, (string ClientId, string Secret)? user = null)
    {
        var (clientId, secret) = user ?? Developer;
        using var output = new StringWriter();
        using var error = new StringWriter();
        Environment.SetEnvironmentVariable("USYNC_CLIENT_SECRET", secret);
        try
        {
            var code = await UsyncCommandLine.RunAsync([.. args, "--site", BaseAddress.ToString(), "--client-id", clientId], output, error);
            return new CliRun(code, output.ToString(), error.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("USYNC_CLIENT_SECRET", null);
        }
    }

    /// <summary>Runs and asserts the exit code, showing everything the command wrote when it differs.</summary>
    public async Task<CliRun> RunExpectingAsync(int exitCode, params string[] args)
    {
        var run = await RunAsync(args);
        Assert.True(run.ExitCode == exitCode, $"usync {string.Join(' ', args)}: expected exit {exitCode}, got {run}");
        return run;
    }

    /// <summary>
    /// What the site holds, in one string: the hash of every item's file (schema and content), as a plan reads them;
    /// equal before and after means nothing was written.
    /// </summary>
    public async Task<string> StateAsync()
    {
        var site = await Services.GetRequiredService<UsyncExporter>().ReadAsync(UsyncHandlers.All, CancellationToken.None);
        var files = new UsyncFolderWriter().Render(site, UsyncWriteOptions.SchemaAndContent).Select(f => f.Path + ":" + UsyncFolderReader.HashOf(f.Bytes));
        return UsyncFolderReader.HashOf(Encoding.UTF8.GetBytes(string.Join(",", files)));
    }
}

/// <summary>A folder for one test, to export into, change, plan and apply; under the site's content root.</summary>
public sealed class TestFolder(string root)
{
    public string Path { get; } = System.IO.Path.Combine(root, "usync-" + Guid.NewGuid().ToString("N")[..8]);

    public string PlanFile => Path + ".plan.json";

    public string FullPath(string relative) => System.IO.Path.Combine(Path, relative);

    public string Read(string relative) => File.ReadAllText(FullPath(relative));

    /// <summary>Replaces the one occurrence of <paramref name="oldText"/>; fails the test when it is not there exactly once.</summary>
    public void Replace(string relative, string oldText, string newText)
    {
        var text = Read(relative);
        var index = text.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(index >= 0 && text.IndexOf(oldText, index + 1, StringComparison.Ordinal) < 0, $"Expected '{oldText}' once in {relative}.");
        File.WriteAllText(FullPath(relative), text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>Loads a file as XML, lets the test change it, and saves it as uSync would (declaration, indented).</summary>
    public void Edit(string relative, Action<XDocument> edit)
    {
        var document = XDocument.Load(FullPath(relative));
        edit(document);
        document.Save(FullPath(relative));
    }

    /// <summary>Replaces a file with an <c>&lt;Empty&gt;</c> marker, as uSync writes for a deleted item.</summary>
    public void WriteDeleteMarker(string relative, Guid key, string alias) =>
        new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("Empty", new XAttribute("Key", key), new XAttribute("Alias", alias), new XAttribute("Change", "Delete")))
            .Save(FullPath(relative));

    public UsyncPlan ReadPlan()
    {
        var (plan, problem) = UsyncPlan.FromJson(File.ReadAllText(PlanFile));
        Assert.True(plan is not null, problem);
        return plan;
    }
}

/// <summary>Seeded items the command line tests change, each in one test only.</summary>
public static class SeedKeys
{
    public static readonly Guid KaribuFoundation = Guid.Parse("2a0ed431-1a36-5dd2-adeb-5482f537d8d0");
    public static readonly Guid WomensRights = Guid.Parse("2bb87d4b-2f04-5f84-bf93-221a042e594b");
    public static readonly Guid UnPontePer = Guid.Parse("ab9d41e5-ee0b-577e-9a70-0b9b296b8d0b");
    public static readonly Guid WorkersRights = Guid.Parse("6198d0fb-38e4-5204-9a03-d3370033fde7");
    public static readonly Guid GlobalizationConference = Guid.Parse("461349d0-2e0a-593d-9f27-8f9a698d230a");
    public static readonly Guid HopeForPeace = Guid.Parse("a316e3c4-4e57-5bb7-91ba-d25f57c89ecc");
}
