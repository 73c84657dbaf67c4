using System.Security.Claims;
using IcssiCms.EmbeddedHost.Registrations;
using IcssiCms.Store.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.EmbeddedHost.BackOffice.Pages.Admin;

/// <summary>Places and the waitlist of one event, as the administrators' pages show them.</summary>
internal sealed record EventSummary(Guid Id, string Name, int? Capacity, int Held, int Waitlisted, int Total)
{
    public static async Task<List<EventSummary>> ListAsync(HubDbContext db, EventCapacities events, Guid? eventId, CancellationToken cancellationToken)
    {
        var query = db.Registrations.AsNoTracking();
        if (eventId is { } key)
        {
            query = query.Where(r => r.EventKey == key);
        }

        var counts = await query.GroupBy(r => new { r.EventKey, r.Status })
            .Select(g => new { g.Key.EventKey, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        return counts.GroupBy(c => c.EventKey)
            .Select(g => new EventSummary(
                g.Key,
                events.NameOf(g.Key, string.Empty) is { Length: > 0 } name ? name : $"Unpublished event {g.Key}",
                events.CapacityOf(g.Key),
                g.Where(c => c.Status is RegistrationStatus.Pending or RegistrationStatus.Confirmed).Sum(c => c.Count),
                g.Where(c => c.Status == RegistrationStatus.Waitlisted).Sum(c => c.Count),
                g.Sum(c => c.Count)))
            .OrderBy(e => e.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }
}

/// <summary>The events that have registrations, with their places held and waitlists.</summary>
[Authorize(Policy = BackOfficeAuthentication.AdministratorPolicy)]
internal sealed class RegistrationsModel(HubDbContext db, EventCapacities events, ILogger<RegistrationsModel> logger) : PageModel
{
    public IReadOnlyList<EventSummary> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Events = await EventSummary.ListAsync(db, events, null, cancellationToken);
    }

    /// <summary>Every registration as CSV: the staff API's export.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        await RegistrationExport.WriteCsvAsync(Response, db, events, null, cancellationToken);
        logger.LogInformation("Back-office user {ActorKey} exported every registration", User.FindFirstValue(ClaimTypes.NameIdentifier));
        return new EmptyResult();
    }
}
