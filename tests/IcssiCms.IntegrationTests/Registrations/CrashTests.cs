using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IcssiCms.IntegrationTests.Hosting;
using Xunit.Abstractions;
using static IcssiCms.IntegrationTests.Registrations.RegistrationHost;

namespace IcssiCms.IntegrationTests.Registrations;

/// <summary>
/// The real host as its own process, killed with SIGKILL in the middle of a burst of sign-ups: every sign-up it
/// acknowledged (202) must be in the store after a restart, exactly once.
/// </summary>
[Collection(RegistrationsCollection.Name)]
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Capacity = 40;
    private const int Senders = 8;

    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task Every_Acknowledged_Sign_Up_Survives_A_Kill_During_A_Burst()
    {
        var usync = UsyncWithCapacities(_folder, new Dictionary<Guid, int> { [SocialEvent] = Capacity });
        var acknowledged = new ConcurrentBag<string>();

        using (var first = await HostProcess.StartAsync(_folder.Path, usync, output))
        {
            using var stop = new CancellationTokenSource();
            var enoughSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var next = 0;
            var inFlight = 0;
            var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var email = $"burst{Interlocked.Increment(ref next)}@example.org";
                    Interlocked.Increment(ref inFlight);
                    try
                    {
                        using var response = await first.Client.SendAsync(EntryRequest(email, "Burst", [SocialEvent]), stop.Token);
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            acknowledged.Add(email);
                            if (acknowledged.Count >= 150)
                            {
                                enoughSent.TrySetResult();
                            }
                        }
                    }
                    catch (Exception) when (first.Killed || stop.IsCancellationRequested)
                    {
                        return;
                    }
                    finally
                    {
                        Interlocked.Decrement(ref inFlight);
                    }
                }
            })).ToList();

            // Kill while the senders are still sending: well into the burst, with requests in flight.
            await enoughSent.Task.WaitAsync(TimeSpan.FromSeconds(120));
            var inFlightAtKill = Volatile.Read(ref inFlight);
            first.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(senders);
            Assert.True(inFlightAtKill > 0, "No sign-up was in flight when the host was killed.");
        }

        output.WriteLine($"{acknowledged.Count} sign-ups acknowledged before the kill.");
        using var second = await HostProcess.StartAsync(_folder.Path, usync, output);
        var list = await StaffListAsync(second.Client, SocialEvent);
        var stored = list.GroupBy(r => r.Email).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(acknowledged, email => Assert.True(stored.TryGetValue(email, out var count) && count == 1, $"{email}: {(stored.TryGetValue(email, out var c) ? c : 0)} times"));
        Assert.All(stored, s => Assert.Equal(1, s.Value));
        Assert.Equal(list.Count, list.Select(r => r.Position).Distinct().Count());

        var places = await PlacesAsync(second.Client, SocialEvent);
        var held = list.Count(r => r.Status is "pending" or "confirmed");
        var waitlisted = list.Count(r => r.Status == "waitlisted");
        Assert.Equal((held, waitlisted), (places.Held, places.Waitlisted));
        Assert.InRange(places.Held, 0, Capacity);
        Assert.Equal(Math.Min(Capacity, list.Count), places.Held);
        Assert.Equal(list.Count - places.Held, places.Waitlisted);

        // The restarted host takes sign-ups on the same store, counting from what survived.
        using var after = await second.Client.SendAsync(EntryRequest("after-restart@example.org", "After", [SocialEvent]));
        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
        Assert.Equal(list.Count >= Capacity ? "waitlisted" : "placed", PlacesOf(await after.Content.ReadAsStringAsync())[SocialEvent]);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>IcssiCms.EmbeddedHost.dll run with <c>dotnet</c>, on a free port, its store and folders in the test's folder.</summary>
    private sealed class HostProcess : IDisposable
    {
        private readonly Process _process;

        private HostProcess(Process process, HttpClient client)
        {
            _process = process;
            Client = client;
        }

        public HttpClient Client { get; }

        public bool Killed { get; private set; }

        public static async Task<HostProcess> StartAsync(string dataFolder, string usync, ITestOutputHelper output)
        {
            var port = FreePort();
            var info = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { HostAssembly(), "--contentRoot", EmbeddedHostFactory.RepositoryRoot },
                WorkingDirectory = EmbeddedHostFactory.RepositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var settings = BaseSettings(usync);
            settings["ConnectionStrings:umbracoDbDSN"] = $"Data Source={Path.Combine(dataFolder, "Umbraco.sqlite.db")};Foreign Keys=True;Pooling=True";
            settings["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{port}";
            settings["Umbraco:CMS:Logging:Directory"] = Path.Combine(dataFolder, "Logs");
            settings["Umbraco:CMS:Global:Smtp:PickupDirectoryLocation"] = Path.Combine(dataFolder, "Mail");
            settings["IcssiCms:Registrations:RetentionEnabled"] = "false";
            foreach (var (key, value) in settings)
            {
                info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            info.Environment["DOTNET_ENVIRONMENT"] = "Production";
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
                while (tail.Count > 40 && tail.TryDequeue(out _))
                {
                }
            }

            process.OutputDataReceived += (_, e) => Keep(e.Data);
            process.ErrorDataReceived += (_, e) => Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var host = new HostProcess(process, client);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (true)
            {
                if (process.HasExited)
                {
                    output.WriteLine(string.Join('\n', tail));
                    Assert.Fail($"The host exited with {process.ExitCode} before it was healthy.");
                }

                try
                {
                    using var health = await client.GetAsync("/healthz");
                    if (health.StatusCode == HttpStatusCode.OK)
                    {
                        return host;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                if (DateTime.UtcNow > deadline)
                {
                    output.WriteLine(string.Join('\n', tail));
                    host.Dispose();
                    Assert.Fail("The host did not answer /healthz 200 in time.");
                }

                await Task.Delay(100);
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

        private static string HostAssembly()
        {
            // The test's own output folder is bin/<Configuration>/<tfm>; the host is built beside it in its project.
            var tfmFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var path = Path.Combine(
                EmbeddedHostFactory.RepositoryRoot, "src", "IcssiCms.EmbeddedHost", "bin", tfmFolder.Parent!.Name, tfmFolder.Name, "IcssiCms.EmbeddedHost.dll");
            Assert.True(File.Exists(path), $"{path} is not built.");
            return path;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
