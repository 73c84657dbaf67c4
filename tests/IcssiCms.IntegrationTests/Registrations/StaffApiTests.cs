using System.Net;
using System.Text;
using static IcssiCms.IntegrationTests.Registrations.RegistrationHost;

namespace IcssiCms.IntegrationTests.Registrations;

[Collection(RegistrationsCollection.Name)]
public sealed class StaffApiTests
{
    [Fact]
    public async Task Staff_Endpoints_Answer_401_Without_The_Key_Or_With_A_Wrong_One()
    {
        await using var host = await StartAsync(new Dictionary<Guid, int>());
        await host.SignUpAsync("someone@example.org", "Someone", [SocialEvent]);

        var requests = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, "/registrations", null),
            (HttpMethod.Get, "/registrations/export", null),
            (HttpMethod.Post, $"/registrations/{Guid.NewGuid()}/promote", null),
            (HttpMethod.Post, "/data-subject/export", new { email = "someone@example.org" }),
            (HttpMethod.Post, "/data-subject/erase", new { email = "someone@example.org" }),
        };
        foreach (var (method, path, body) in requests)
        {
            foreach (var key in new[] { null, "wrong-key", FormsApiKey })
            {
                using var response = await host.Client.SendAsync(host.Staff(method, path, body, key));
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} with key '{key}': {(int)response.StatusCode}");
                Assert.DoesNotContain("someone@example.org", await response.Content.ReadAsStringAsync());
            }
        }

        // Nothing was erased by the refused requests.
        Assert.Single(await host.StaffListAsync());
    }

    [Fact]
    public async Task The_List_Is_Filtered_By_Event_And_Status()
    {
        await using var host = await StartAsync(new Dictionary<Guid, int> { [SocialEvent] = 1 });
        await host.SignUpAsync("a@example.org", "A", [SocialEvent, IraqSession]);
        await host.SignUpAsync("b@example.org", "B", [SocialEvent]);
        await host.SignUpAsync("c@example.org", "C", [IraqSession]);

        Assert.Equal(["a@example.org", "b@example.org"], (await host.StaffListAsync(SocialEvent)).Select(r => r.Email));
        Assert.Equal(["a@example.org", "c@example.org"], (await host.StaffListAsync(IraqSession)).Select(r => r.Email));
        Assert.Equal(["b@example.org"], (await host.StaffListAsync(status: "waitlisted")).Select(r => r.Email));
        Assert.Equal(3, (await host.StaffListAsync(status: "pending")).Count);
        var socialPending = await host.StaffListAsync(SocialEvent, "pending");
        Assert.Equal(("a@example.org", SocialEvent), (socialPending.Single().Email, socialPending.Single().Event.Id));
        Assert.Empty(await host.StaffListAsync(status: "confirmed"));

        using var unknown = await host.Client.SendAsync(host.Staff(HttpMethod.Get, "/registrations?status=nonsense"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task The_Csv_Export_Escapes_Formulas_And_Keeps_Arabic_Names()
    {
        await using var host = await StartAsync(new Dictionary<Guid, int>());
        var names = new Dictionary<string, string>
        {
            ["hyperlink@example.org"] = "=HYPERLINK(\"http://x\",\"y\")",
            ["plus@example.org"] = "+1",
            ["at@example.org"] = "@SUM(1)",
            ["arabic@example.org"] = "زينب العراقي",
        };
        foreach (var (email, name) in names)
        {
            await host.SignUpAsync(email, name, [SocialEvent]);
        }

        using var response = await host.Client.SendAsync(host.Staff(HttpMethod.Get, $"/registrations/export?eventId={SocialEvent}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes.Take(3).ToArray());
        var rows = ParseCsv(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3));

        var header = rows[0];
        int nameColumn = Array.IndexOf(header, "name"), emailColumn = Array.IndexOf(header, "email");
        var byEmail = rows.Skip(1).ToDictionary(r => r[emailColumn], r => r[nameColumn]);
        Assert.Equal(4, byEmail.Count);
        Assert.Equal("'=HYPERLINK(\"http://x\",\"y\")", byEmail["hyperlink@example.org"]);
        Assert.Equal("'+1", byEmail["plus@example.org"]);
        Assert.Equal("'@SUM(1)", byEmail["at@example.org"]);
        Assert.Equal("زينب العراقي", byEmail["arabic@example.org"]);
        // No cell of any row opens with a formula character.
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0]), cell));
    }

    /// <summary>RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line breaks.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}
