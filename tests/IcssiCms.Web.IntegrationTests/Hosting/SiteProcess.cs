using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace IcssiCms.Web.IntegrationTests.Hosting;

/// <summary>
/// The Umbraco site as a process of its own (<c>dotnet IcssiCms.Web.dll</c>, as built beside the tests), on a free port
/// of 127.0.0.1, on a content root the test gives: for tests that need two sites on one database, or a site killed
/// outright. It takes entries from servers with <see cref="FormsApiKey"/>, without a least time to fill a form in or
/// rate limits.
/// </summary>
public sealed class SiteProcess : IDisposable
{
    public const string FormsApiKey = "forms-server-key-77ab";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail;

    private SiteProcess(Process process, ConcurrentQueue<string> tail, HttpClient client)
    {
        _process = process;
        _tail = tail;
        Client = client;
    }

    /// <summary>A client of the site that sends the Forms API key.</summary>
    public HttpClient Client { get; }

    public bool Killed { get; private set; }

    /// <summary>The last lines the site wrote, for a failure's message.</summary>
    public string Tail => string.Join('\n', _tail);

    /// <summary>
    /// A content root for sites: the repository's appsettings.json and a copy of its uSync folder, with the capacities
    /// given written into the events' content files.
    /// </summary>
    public static string NewContentRoot(IReadOnlyDictionary<Guid, int> capacities)
    {
        var root = Path.Combine(Path.GetTempPath(), "icssi-process-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        File.Copy(Path.Combine(HubSite.RepositoryRoot, "appsettings.json"), Path.Combine(root, "appsettings.json"));
        var usync = Path.Combine(root, "uSync", "v17");
        HubSite.CopyFolder(HubSite.RepositoryUsyncFolder, usync);
        foreach (var (key, capacity) in capacities)
        {
            var file = Directory.EnumerateFiles(Path.Combine(usync, "Content"), "*.config")
                .Single(f => File.ReadAllText(f).Contains($"Key=\"{key}\"", StringComparison.OrdinalIgnoreCase));
            var text = Regex.Replace(File.ReadAllText(file), @"\s*<capacity>.*?</capacity>", string.Empty, RegexOptions.Singleline);
            File.WriteAllText(file, text.Replace(
                "<Properties>", $"<Properties>\n    <capacity>\n      <Value><![CDATA[{capacity}]]></Value>\n    </capacity>", StringComparison.Ordinal));
        }

        return root;
    }

    public static string DatabaseFile(string contentRoot) => Path.Combine(contentRoot, "umbraco", "Data", "Umbraco.sqlite.db");

    /// <summary>Starts the site on the content root and waits until it answers <c>/healthz</c> with 200.</summary>
    public static async Task<SiteProcess> StartAsync(string contentRoot)
    {
        var port = Loopback.FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { SiteAssembly(), "--contentRoot", contentRoot },
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:umbracoDbDSN"] = $"Data Source={DatabaseFile(contentRoot)};Foreign Keys=True;Pooling=True",
            ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{port}",
            ["Umbraco:CMS:Unattended:UnattendedUserPassword"] = HubSite.AdministratorPassword,
            ["Umbraco:Forms:Security:FormsApiKey"] = FormsApiKey,
            ["IcssiCms:Registrations:Abuse:MinimumTimeToSubmit"] = "00:00:00",
            ["IcssiCms:Registrations:Abuse:PerIpPermitLimit"] = "1000000",
            ["IcssiCms:Registrations:Abuse:PerFormPermitLimit"] = "1000000",

            // As in HubSite: Umbraco's distributed jobs idle, so that their writes cannot strand a publish.
            ["Umbraco:CMS:DistributedJobs:Delay"] = "01:00:00",
        };
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(info)!;
        var tail = new ConcurrentQueue<string>();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            tail.Enqueue(line);
            while (tail.Count > 60 && tail.TryDequeue(out _))
            {
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("Api-Key", FormsApiKey);
        var site = new SiteProcess(process, tail, client);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        while (true)
        {
            if (process.HasExited)
            {
                Assert.Fail($"The site exited with {process.ExitCode} before it was healthy:\n{site.Tail}");
            }

            try
            {
                using var health = await client.GetAsync("/healthz");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return site;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                var tailText = site.Tail;
                site.Dispose();
                Assert.Fail($"The site did not answer /healthz 200 in time:\n{tailText}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL on Linux: no shutdown, no flush, nothing the process can do about it.</summary>
    public void Kill()
    {
        Killed = true;
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        Client.Dispose();
        _process.Dispose();
    }

    public static void DeleteContentRoot(string contentRoot)
    {
        try
        {
            Directory.Delete(contentRoot, recursive: true);
        }
        catch (IOException)
        {
            // A killed process's files may linger a moment; the folder is under the temp path.
        }
    }

    private static string SiteAssembly()
    {
        // The tests' output folder is bin/<Configuration>/<tfm>; the site is built beside it in its project.
        var tfmFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(HubSite.RepositoryRoot, "src", "IcssiCms.Web", "bin", tfmFolder.Parent!.Name, tfmFolder.Name, "IcssiCms.Web.dll");
        Assert.True(File.Exists(path), $"{path} is not built.");
        return path;
    }
}
