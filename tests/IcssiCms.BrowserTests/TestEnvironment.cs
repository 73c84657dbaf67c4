using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace IcssiCms.BrowserTests;

/// <summary>What every browser test host needs from the machine: the repository, a free port, Debian's chromium.</summary>
public static class TestEnvironment
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IcssiCms.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("IcssiCms.sln not found above the test output folder.");
    }

    public static Uri FreeLoopbackAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
    }

    /// <summary>
    /// Debian's chromium, headless. Playwright's own browser download does not work here, so a missing
    /// <c>/usr/bin/chromium</c> fails the tests, saying how to install it (<c>.ci/run</c> does).
    /// </summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchChromiumAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Browser tests need Debian's chromium at {ChromiumPath}: install it with `apt-get install -y chromium` (.ci/run does). "
                + "Playwright's own browser download does not work here.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }
}
