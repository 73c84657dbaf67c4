using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using IcssiCms.Core.Registrations;
using IcssiCms.Web.IntegrationTests.Delivery;
using IcssiCms.Web.IntegrationTests.Forms;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace IcssiCms.Web.IntegrationTests.Registrations;

/// <summary>
/// The Umbraco site as real processes on one SQLite database: two sites taking sign-ups at once never give more places
/// than an event has, and a site killed in the middle of a burst loses no sign-up it acknowledged.
/// </summary>
public sealed class SiteProcessTests(ITestOutputHelper output) : IDisposable
{
    private static readonly Guid SocialEvent = SeedContent.Hub.Named("Social Event").Key;

    private readonly List<string> _contentRoots = [];

    [Fact]
    public async Task Five_Hundred_Sign_Ups_Across_Two_Sites_On_One_Database_For_The_Last_Ten_Places_Place_Exactly_Ten()
    {
        const int signUps = 500;
        var root = ContentRoot(new Dictionary<Guid, int> { [SocialEvent] = 12 });
        using var first = await SiteProcess.StartAsync(root);
        using var second = await SiteProcess.StartAsync(root);
        Assert.Equal("placed", await SignUpAsync(first, "early-1@example.org"));
        Assert.Equal("placed", await SignUpAsync(second, "early-2@example.org"));

        var answers = await Task.WhenAll(Enumerable.Range(0, signUps).Select(i =>
            SignUpAsync(i % 2 == 0 ? first : second, $"crowd{i}@example.org")));

        Assert.Equal(10, answers.Count(a => a == "placed"));
        Assert.Equal(signUps - 10, answers.Count(a => a == "waitlisted"));
        var stored = StoredAtSocialEvent(root);
        Assert.Equal(signUps + 2, stored.Count);
        Assert.Equal(12, stored.Values.Count(s => s is RegistrationStatus.Pending or RegistrationStatus.Confirmed));
    }

    [Fact]
    public async Task Every_Acknowledged_Sign_Up_Is_Stored_Exactly_Once_After_The_Site_Is_Killed_In_A_Burst()
    {
        const int senders = 8;
        var root = ContentRoot(new Dictionary<Guid, int> { [SocialEvent] = 40 });
        var acknowledged = new ConcurrentBag<string>();
        using (var site = await SiteProcess.StartAsync(root))
        {
            using var stop = new CancellationTokenSource();
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var next = 0;
            var inFlight = 0;
            var sending = Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var email = $"burst{Interlocked.Increment(ref next)}@example.org";
                    Interlocked.Increment(ref inFlight);
                    try
                    {
                        using var response = await site.Client.PostAsync(EntryPath, Entry(email), stop.Token);
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            acknowledged.Add(email);
                            if (acknowledged.Count >= 150)
                            {
                                enough.TrySetResult();
                            }
                        }
                    }
                    catch (Exception) when (site.Killed || stop.IsCancellationRequested)
                    {
                        return;
                    }
                    finally
                    {
                        Interlocked.Decrement(ref inFlight);
                    }
                }
            })).ToList();

            // Killed while the senders are still sending: well into the burst, with requests in flight.
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(120));
            var inFlightAtKill = Volatile.Read(ref inFlight);
            site.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(sending);
            Assert.True(inFlightAtKill > 0, "No sign-up was in flight when the site was killed.");
        }

        output.WriteLine($"{acknowledged.Count} sign-ups acknowledged before the kill.");
        using var restarted = await SiteProcess.StartAsync(root);
        var stored = StoredAtSocialEventByEmail(root);

        Assert.All(acknowledged, email => Assert.Equal(1, stored.GetValueOrDefault(email)));
        Assert.All(stored, s => Assert.Equal(1, s.Value));
        var statuses = StoredAtSocialEvent(root);
        var held = statuses.Values.Count(s => s is RegistrationStatus.Pending or RegistrationStatus.Confirmed);
        Assert.Equal(Math.Min(40, statuses.Count), held);
        Assert.Equal(statuses.Count - held, statuses.Values.Count(s => s == RegistrationStatus.Waitlisted));
        // Every sign-up has a position of its own: nobody shares a place in line.
        Assert.Equal(statuses.Count, Read(root, "SELECT COUNT(DISTINCT position) FROM icssiRegistration", r => r.GetInt32(0)).Single());

        // The restarted site takes sign-ups on the same database, counting from what survived.
        Assert.Equal(statuses.Count >= 40 ? "waitlisted" : "placed", await SignUpAsync(restarted, "after-restart@example.org"));
    }

    public void Dispose()
    {
        foreach (var root in _contentRoots)
        {
            SiteProcess.DeleteContentRoot(root);
        }
    }

    private const string EntryPath = $"{FormEntryTests.EntriesPath}/0c3e8f0a-6a35-4f0e-9d3b-2a1e5c7b9d41";

    private string ContentRoot(IReadOnlyDictionary<Guid, int> capacities)
    {
        var root = SiteProcess.NewContentRoot(capacities);
        _contentRoots.Add(root);
        return root;
    }

    private static StringContent Entry(string email) =>
        new(FormEntryTests.Entry(FormEntryTests.RegistrationValues("Crowd Member", email, SocialEvent), "en-US").ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>Signs up for the social event; "placed" or "waitlisted".</summary>
    private static async Task<string> SignUpAsync(SiteProcess site, string email)
    {
        using var response = await site.Client.PostAsync(EntryPath, Entry(email));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body}\n{site.Tail}");
        return JsonDocument.Parse(body).RootElement.GetProperty("places")[0].GetProperty("status").GetString()!;
    }

    /// <summary>The registrations in the database file, read as another program would, by e-mail.</summary>
    private static Dictionary<string, RegistrationStatus> StoredAtSocialEvent(string root) =>
        Read(root, "SELECT email, status FROM icssiRegistration", r => (r.GetString(0), (RegistrationStatus)r.GetInt32(1)))
            .ToDictionary(r => r.Item1, r => r.Item2);

    private static Dictionary<string, int> StoredAtSocialEventByEmail(string root) =>
        Read(root, "SELECT email, COUNT(*) FROM icssiRegistration GROUP BY email", r => (r.GetString(0), r.GetInt32(1)))
            .ToDictionary(r => r.Item1, r => r.Item2);

    private static List<T> Read<T>(string root, string sql, Func<SqliteDataReader, T> row)
    {
        using var connection = new SqliteConnection($"Data Source={SiteProcess.DatabaseFile(root)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
