using IcssiCms.Core.Registrations.Links;
using IcssiCms.Core.Registrations.Mail;
using IcssiCms.Core.Registrations;
using RegistrationMailKind = IcssiCms.Store.Storage.RegistrationMailKind;
using RegistrationStatus = IcssiCms.Store.Storage.RegistrationStatus;
using IcssiCms.Core.Forms.Delivery;
using System.Text.Json;
using IcssiCms.EmbeddedHost.Forms;
using IcssiCms.Store.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IcssiCms.EmbeddedHost.Registrations;

/// <summary>
/// The hub's registration endpoints. For visitors: confirm and cancel (with the token from the e-mailed link),
/// and the places left at an event. For staff, with the staff key: list and export, promote from the waitlist,
/// and a data subject's export and erasure. E-mail addresses travel only in bodies, never in URLs.
/// </summary>
public static class RegistrationsApi
{
    public const string Route = "/api/icssi";
    public const string StaffRoute = Route + "/staff";

    public static IEndpointRouteBuilder MapRegistrationsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route + "/registrations/confirm", (TokenBody body, RegistrationLinks links, RegistrationWriter writer, EventCapacities events, CancellationToken ct) =>
            RunLinkAsync(RegistrationLinks.ConfirmAction, body, links, writer, events, ct));
        app.MapPost(Route + "/registrations/cancel", (TokenBody body, RegistrationLinks links, RegistrationWriter writer, EventCapacities events, CancellationToken ct) =>
            RunLinkAsync(RegistrationLinks.CancelAction, body, links, writer, events, ct));
        app.MapGet(Route + "/events/{id:guid}/places", GetPlacesAsync);

        var staff = app.MapGroup(StaffRoute).AddEndpointFilter(async (context, next) =>
        {
            var key = context.HttpContext.RequestServices.GetRequiredService<IOptions<RegistrationOptions>>().Value.StaffApiKey;
            if (!FormsAccess.KeyMatches(context.HttpContext, key))
            {
                return Problems.Unauthorized("Staff endpoints need the staff key (IcssiCms:Registrations:StaffApiKey) in the Api-Key header.");
            }

            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
        staff.MapGet("/registrations", ListAsync);
        staff.MapGet("/registrations/export", ExportCsvAsync);
        staff.MapPost("/registrations/{id:guid}/promote", PromoteAsync);
        staff.MapPost("/data-subject/export", ExportSubjectAsync);
        staff.MapPost("/data-subject/erase", EraseSubjectAsync);
        return app;
    }

    public sealed record TokenBody(string? Token);

    /// <summary>What a staff promotion did: <c>promoted</c> (a free place), or <c>firstInLine</c> (full: the next place is theirs).</summary>
    public sealed record PromoteResponse(Guid Id, string Outcome);

    public sealed record EmailBody(string? Email);

    public sealed record EventRef(Guid Id, string Name);

    /// <summary>What a link did: <c>confirmed</c>, <c>cancelled</c>, <c>alreadyDone</c> or <c>closed</c>, and where the registration stands.</summary>
    public sealed record LinkResponse(string Outcome, string Status, EventRef Event);

    public sealed record PlacesResponse(Guid Id, int? Capacity, int Held, int? Available, int Waitlisted);

    public sealed record StaffRegistration(
        Guid Id, EventRef Event, string Name, string Email, string Culture, string Status, long Position,
        DateTime CreatedAt, DateTime UpdatedAt, DateTime? EmailConfirmedAt);

    internal static async Task<IResult> RunLinkAsync(string action, TokenBody body, RegistrationLinks links, RegistrationWriter writer, EventCapacities events, CancellationToken ct)
    {
        if (links.Read(action, body.Token) is not { } registrationId)
        {
            return Problems.BadRequest("token", $"The token is not a valid {action} link.");
        }

        var result = action == RegistrationLinks.ConfirmAction
            ? await writer.ConfirmAsync(registrationId, ct)
            : await writer.CancelAsync(registrationId, ct);
        if (result.Outcome == LinkOutcome.NotFound)
        {
            return Problems.NotFound("This registration no longer exists.");
        }

        var outcome = result.Outcome switch
        {
            LinkOutcome.Done => action == RegistrationLinks.ConfirmAction ? "confirmed" : "cancelled",
            LinkOutcome.AlreadyDone => "alreadyDone",
            _ => "closed",
        };
        var eventKey = result.EventKey!.Value;
        return Results.Ok(new LinkResponse(outcome, StatusName(result.Status!.Value), new EventRef(eventKey, events.NameOf(eventKey, string.Empty))));
    }

    private static async Task<IResult> GetPlacesAsync(Guid id, EventCapacities events, HubDbContext db, HttpContext context, CancellationToken ct)
    {
        if (!events.IsPublished(id))
        {
            return Problems.NotFound($"No published event has the id {id}.");
        }

        var counts = await db.Registrations.AsNoTracking().Where(r => r.EventKey == id)
            .GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var held = counts.Where(c => c.Status is RegistrationStatus.Pending or RegistrationStatus.Confirmed).Sum(c => c.Count);
        var waitlisted = counts.Where(c => c.Status == RegistrationStatus.Waitlisted).Sum(c => c.Count);
        var capacity = events.CapacityOf(id);
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Ok(new PlacesResponse(id, capacity, held, capacity is { } c ? Math.Max(0, c - held) : null, waitlisted));
    }

    private static async Task<IResult> ListAsync(Guid? eventId, string? status, HubDbContext db, EventCapacities events, CancellationToken ct)
    {
        var query = db.Registrations.AsNoTracking();
        if (eventId is { } key)
        {
            query = query.Where(r => r.EventKey == key);
        }

        if (status is not null)
        {
            if (!Enum.TryParse<RegistrationStatus>(status, ignoreCase: true, out var wanted) || int.TryParse(status, out _))
            {
                return Problems.BadRequest("status", $"'{status}' is not a status: {string.Join(", ", Enum.GetNames<RegistrationStatus>().Select(n => n.ToLowerInvariant()))}.");
            }

            query = query.Where(r => r.Status == wanted);
        }

        var rows = await query.OrderBy(r => r.EventKey).ThenBy(r => r.Position).ToListAsync(ct);
        return Results.Ok(rows.Select(r => ToStaff(r, events)).ToList());
    }

    /// <summary>CSV for spreadsheets (see <see cref="RegistrationExport"/>), every event's or one event's.</summary>
    private static Task ExportCsvAsync(Guid? eventId, HubDbContext db, EventCapacities events, HttpContext context, CancellationToken ct) =>
        RegistrationExport.WriteCsvAsync(context.Response, db, events, eventId, ct);

    private static async Task<IResult> PromoteAsync(Guid id, RegistrationWriter writer, CancellationToken ct) =>
        await writer.PromoteAsync(id, ct) switch
        {
            PromoteOutcome.Promoted => Results.Ok(new PromoteResponse(id, "promoted")),
            PromoteOutcome.FirstInLine => Results.Ok(new PromoteResponse(id, "firstInLine")),
            PromoteOutcome.NotFound => Problems.NotFound($"No registration has the id {id}."),
            _ => Problems.Conflict("This registration is not on the waitlist."),
        };

    private static async Task<IResult> ExportSubjectAsync(EmailBody body, RegistrationWriter writer, EventCapacities events, CancellationToken ct)
    {
        if (NormalisedEmail(body.Email) is not { } email)
        {
            return Problems.BadRequest("email", "Send the person's e-mail address as \"email\".");
        }

        var data = await writer.ExportSubjectAsync(email, ct);
        return Results.Ok(new
        {
            email,
            records = data.Records.Select(r => new
            {
                r.Id, formId = r.FormKey, contentId = r.ContentKey, r.Culture, createdAt = Utc(r.CreatedAt), r.ConsentVersion,
                consentedAt = r.ConsentedAt is { } consented ? Utc(consented) : (DateTime?)null,
                values = JsonSerializer.Deserialize<Dictionary<string, string[]>>(r.Values),
            }),
            registrations = data.Registrations.Select(r => ToStaff(r, events)),
        });
    }

    private static async Task<IResult> EraseSubjectAsync(EmailBody body, RegistrationWriter writer, ILoggerFactory loggers, CancellationToken ct)
    {
        if (NormalisedEmail(body.Email) is not { } email)
        {
            return Problems.BadRequest("email", "Send the person's e-mail address as \"email\".");
        }

        var erased = await writer.EraseAsync(email, ct);
        loggers.CreateLogger(typeof(RegistrationsApi)).LogInformation(
            "Data-subject erasure: {Records} records and {Registrations} registrations deleted", erased.Records, erased.Registrations);
        return Results.Ok(new { erased.Records, erased.Registrations });
    }

    private static string? NormalisedEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    private static StaffRegistration ToStaff(Registration r, EventCapacities events) => new(
        r.Id, new EventRef(r.EventKey, events.NameOf(r.EventKey, string.Empty)), r.Name, r.Email, r.Culture, StatusName(r.Status), r.Position,
        Utc(r.CreatedAt), Utc(r.UpdatedAt), r.EmailConfirmedAt is { } confirmed ? Utc(confirmed) : null);

    /// <summary>The store keeps UTC without a kind; say so, so that JSON and CSV carry the Z.</summary>
    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public static string StatusName(RegistrationStatus status) => status.ToString().ToLowerInvariant();
}
