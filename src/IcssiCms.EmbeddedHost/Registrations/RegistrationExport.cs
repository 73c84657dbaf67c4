using System.Globalization;
using CsvHelper;
using IcssiCms.Store.Storage;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.EmbeddedHost.Registrations;

/// <summary>
/// Registrations as CSV for spreadsheets: what the staff API's export and the back office's export button send.
/// A cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return is escaped by CsvHelper so
/// that a spreadsheet shows it as text instead of running it as a formula.
/// </summary>
public static class RegistrationExport
{
    public const string FileName = "registrations.csv";

    /// <summary>Writes every registration (or one event's) to the response as an attachment, ordered by event and position.</summary>
    public static async Task WriteCsvAsync(HttpResponse response, HubDbContext db, EventCapacities events, Guid? eventId, CancellationToken ct)
    {
        var query = db.Registrations.AsNoTracking();
        if (eventId is { } key)
        {
            query = query.Where(r => r.EventKey == key);
        }

        var rows = await query.OrderBy(r => r.EventKey).ThenBy(r => r.Position).ToListAsync(ct);
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";
        response.Headers.CacheControl = "no-store";
        // A byte order mark, so that spreadsheets read the UTF-8 (Arabic names) as UTF-8.
        await response.Body.WriteAsync(System.Text.Encoding.UTF8.Preamble.ToArray(), ct);
        await using var csv = CsvWriter.Create(response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        csv.WriteHeader(["event", "eventId", "name", "email", "language", "status", "position", "signedUpAt", "emailConfirmedAt"]);
        foreach (var row in rows)
        {
            await csv.WriteRecordAsync(
                [events.NameOf(row.EventKey, string.Empty), row.EventKey.ToString(), row.Name, row.Email, row.Culture, RegistrationsApi.StatusName(row.Status),
                 row.Position.ToString(CultureInfo.InvariantCulture), Utc(row.CreatedAt).ToString("O", CultureInfo.InvariantCulture),
                 row.EmailConfirmedAt is { } confirmed ? Utc(confirmed).ToString("O", CultureInfo.InvariantCulture) : string.Empty], ct);
        }

        await csv.FlushAsync(ct);
    }

    /// <summary>The store keeps UTC without a kind; say so, so that the CSV carries the Z.</summary>
    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
