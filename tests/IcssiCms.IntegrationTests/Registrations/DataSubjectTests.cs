using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using static IcssiCms.IntegrationTests.Registrations.RegistrationHost;

namespace IcssiCms.IntegrationTests.Registrations;

[Collection(RegistrationsCollection.Name)]
public sealed class DataSubjectTests
{
    private const string Subject = "subject@example.org";

    [Fact]
    public async Task Export_Returns_The_Record_Values_The_Consent_And_The_Registrations()
    {
        await using var host = await StartAsync(new Dictionary<Guid, int> { [SocialEvent] = 5 });
        await host.SignUpAsync(Subject, "Data Subject", [SocialEvent, IraqSession]);
        await host.SignUpAsync("other@example.org", "Other", [SocialEvent]);

        var export = await ExportAsync(host, " Subject@Example.org ");

        Assert.Equal(Subject, export.GetProperty("email").GetString());
        var record = Assert.Single(export.GetProperty("records").EnumerateArray());
        var values = record.GetProperty("values");
        Assert.Equal("Data Subject", values.GetProperty("name")[0].GetString());
        Assert.Equal(Subject, values.GetProperty("email")[0].GetString());
        Assert.Equal("Norway", values.GetProperty("country")[0].GetString());
        Assert.Equal(RegistrationForm, record.GetProperty("formId").GetGuid());
        Assert.False(string.IsNullOrEmpty(record.GetProperty("consentVersion").GetString()));
        Assert.Equal(JsonValueKind.String, record.GetProperty("consentedAt").ValueKind);
        var registrations = export.GetProperty("registrations").EnumerateArray().ToList();
        Assert.Equivalent(new[] { SocialEvent, IraqSession }, registrations.Select(r => r.GetProperty("event").GetProperty("id").GetGuid()).ToArray());
        Assert.DoesNotContain("other@example.org", export.GetRawText());
    }

    [Fact]
    public async Task The_Record_Holds_The_Consent_Version_And_Time_And_The_Text_Of_That_Version_Is_Kept()
    {
        await using var host = await StartAsync(new Dictionary<Guid, int>());
        var before = DateTime.UtcNow.AddSeconds(-1);
        await host.SignUpAsync(Subject, "Data Subject", [SocialEvent]);
        await host.SignUpAsync("arabic@example.org", "عربي", [SocialEvent], culture: "ar");

        await using var connection = await OpenStoreAsync(host);
        var consents = new List<(string Email, string Version, DateTime At)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Email, ConsentVersion, ConsentedAt FROM FormRecord ORDER BY Email";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Assert.False(reader.IsDBNull(1), "A record without its consent version.");
                Assert.False(reader.IsDBNull(2), "A record without its consent time.");
                consents.Add((reader.GetString(0), reader.GetString(1), reader.GetDateTime(2)));
            }
        }

        Assert.Equal(2, consents.Count);
        Assert.All(consents, c => Assert.InRange(c.At, before, DateTime.UtcNow.AddSeconds(1)));
        // Each language's text is its own version; the kept text is the one that was agreed to (its hash is the version).
        Assert.NotEqual(consents[0].Version, consents[1].Version);
        foreach (var (email, version, _) in consents)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Culture, Text FROM ConsentText WHERE Version = $v";
            command.Parameters.AddWithValue("$v", version);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), $"No ConsentText for version {version}.");
            var (culture, text) = (reader.GetString(0), reader.GetString(1));
            Assert.Equal(email.StartsWith("arabic", StringComparison.Ordinal) ? "ar" : "en-US", culture);
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.Equal(version, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..version.Length]);
        }
    }

    [Fact]
    public async Task Erasure_Removes_Everything_On_The_Address_And_Gives_The_Place_To_The_First_In_Line()
    {
        await using var host = await StartAsync(new Dictionary<Guid, int> { [SocialEvent] = 1 });
        await host.SignUpAsync(Subject, "Data Subject", [SocialEvent, IraqSession]);
        await host.SignUpAsync("waiting@example.org", "Waiting", [SocialEvent]);
        var ids = (await host.StaffListAsync()).Where(r => r.Email == Subject).Select(r => r.Id.ToString()).ToList();
        Assert.Equal(2, ids.Count);

        using var erase = await host.Client.SendAsync(host.Staff(HttpMethod.Post, "/data-subject/erase", new { email = "SUBJECT@example.org" }));
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        var erased = await erase.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, erased.GetProperty("records").GetInt32());
        Assert.Equal(2, erased.GetProperty("registrations").GetInt32());

        // Nor is it left in the file's free pages or in the WAL's older frames.
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(host.DatabaseFile)!, Path.GetFileName(host.DatabaseFile) + "*"))
        {
            var bytes = Encoding.UTF8.GetString(ReadSharedBytes(file));
            Assert.False(bytes.Contains(Subject, StringComparison.OrdinalIgnoreCase), $"{Path.GetFileName(file)} still holds the erased address.");
            Assert.False(bytes.Contains("Data Subject", StringComparison.Ordinal), $"{Path.GetFileName(file)} still holds the erased name.");
        }

        var list = await host.StaffListAsync();
        Assert.DoesNotContain(list, r => r.Email == Subject);
        Assert.Equal("pending", list.Single(r => r.Email == "waiting@example.org").Status);
        await host.WaitForMailAsync("waiting@example.org", m => m.Subject == "A place at Social Event is now yours");
        var export = await ExportAsync(host, Subject);
        Assert.Empty(export.GetProperty("records").EnumerateArray());
        Assert.Empty(export.GetProperty("registrations").EnumerateArray());

        await using var connection = await OpenStoreAsync(host);
        foreach (var table in new[] { "FormRecord", "Registration", "OutboxMail" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i)) ?? string.Empty;
                    Assert.DoesNotContain(Subject, value, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain("Data Subject", value, StringComparison.Ordinal);
                    Assert.DoesNotContain(value, ids, StringComparer.OrdinalIgnoreCase);
                }
            }
        }
    }

    [Fact]
    public async Task The_Logs_Hold_No_Names_Or_Addresses()
    {
        const string name = "Quintessa Lognamefree";
        var email = "quintessa.lognamefree@example.org";
        await using (var host = await StartAsync(new Dictionary<Guid, int> { [SocialEvent] = 1 }))
        {
            await host.SignUpAsync("holder@example.org", "Holder Person", [SocialEvent]);
            await host.SignUpAsync(email, name, [SocialEvent, IraqSession]);
            var mail = await host.WaitForMailAsync(email);
            await host.PostLinkAsync("confirm", MailFolderWatch.Token(mail, "confirm"));
            var holder = await host.WaitForMailAsync("holder@example.org");
            await host.PostLinkAsync("cancel", MailFolderWatch.Token(holder, "cancel"));
            await host.WaitForMailAsync(email, m => (m.Subject ?? string.Empty).StartsWith("A place", StringComparison.Ordinal));
            await ExportAsync(host, email);
            using var erase = await host.Client.SendAsync(host.Staff(HttpMethod.Post, "/data-subject/erase", new { email }));
            Assert.Equal(HttpStatusCode.OK, erase.StatusCode);

            // The host's log file is flushed when the host stops.
            await host.App.DisposeAsync();
            var logs = string.Concat(Directory.EnumerateFiles(host.LogFolder, "*", SearchOption.AllDirectories).Select(ReadShared));
            Assert.Contains("entry accepted", logs);
            Assert.Contains("Data-subject erasure", logs);
            foreach (var personal in new[] { email, name, "Quintessa", "Lognamefree", "holder@example.org", "Holder Person" })
            {
                Assert.DoesNotContain(personal, logs, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static byte[] ReadSharedBytes(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task<JsonElement> ExportAsync(RegistrationHost host, string email)
    {
        using var response = await host.Client.SendAsync(host.Staff(HttpMethod.Post, "/data-subject/export", new { email }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<SqliteConnection> OpenStoreAsync(RegistrationHost host)
    {
        var connection = new SqliteConnection($"Data Source={host.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
