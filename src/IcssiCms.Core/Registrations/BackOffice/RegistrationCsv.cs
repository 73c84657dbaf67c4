using System.Globalization;
using System.Text;
using CsvHelper;

namespace IcssiCms.Core.Registrations.BackOffice;

/// <summary>
/// Registrations as CSV for spreadsheets. A cell that starts with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, tab or carriage return is escaped, so that a spreadsheet shows it as text instead of running it
/// as a formula; a byte order mark makes spreadsheets read the UTF-8 (Arabic and Kurdish names) as UTF-8.
/// </summary>
public static class RegistrationCsv
{
    public const string FileName = "registrations.csv";

    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] Columns = ["event", "eventId", "name", "email", "language", "status", "position", "signedUpAt", "emailConfirmedAt"];

    public static async Task<byte[]> WriteAsync(IEnumerable<(string EventName, RegistrationDto Registration)> rows, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        buffer.Write(Encoding.UTF8.Preamble);
        await using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(Columns);
            foreach (var (eventName, row) in rows)
            {
                await csv.WriteRecordAsync(
                [
                    eventName, row.EventKey.ToString(), row.Name, row.Email, row.Culture,
                    ((RegistrationStatus)row.Status).ToText(), row.Position.ToString(CultureInfo.InvariantCulture),
                    RegistrationReport.Utc(row.CreatedUtc).ToString("O", CultureInfo.InvariantCulture),
                    row.EmailConfirmedUtc is { } confirmed ? RegistrationReport.Utc(confirmed).ToString("O", CultureInfo.InvariantCulture) : string.Empty,
                ], cancellationToken);
            }

            await csv.FlushAsync(cancellationToken);
        }

        return buffer.ToArray();
    }
}
