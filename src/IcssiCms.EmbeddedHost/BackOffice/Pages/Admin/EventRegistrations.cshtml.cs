using System.Security.Claims;
using IcssiCms.EmbeddedHost.Registrations;
using IcssiCms.Store.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.EmbeddedHost.BackOffice.Pages.Admin;

/// <summary>
/// One event's registrations: export them as CSV, promote someone from the waitlist, or erase a person (every
/// record and registration of their e-mail address, after a confirmation step). The address travels in form bodies only.
/// </summary>
[Authorize(Policy = BackOfficeAuthentication.AdministratorPolicy)]
internal sealed class EventRegistrationsModel(
    HubDbContext db, EventCapacities events, RegistrationWriter writer, ILogger<EventRegistrationsModel> logger) : PageModel
{
    [FromRoute]
    public Guid EventId { get; set; }

    public EventSummary? Event { get; private set; }

    public IReadOnlyList<Registration> Registrations { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    /// <summary>Set while asking whether to erase this address.</summary>
    public string? ConfirmErase { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        await RegistrationExport.WriteCsvAsync(Response, db, events, EventId, cancellationToken);
        logger.LogInformation("Back-office user {ActorKey} exported the registrations of event {EventKey}", Actor, EventId);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostPromoteAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await writer.PromoteAsync(id, cancellationToken);
        logger.LogInformation("Back-office user {ActorKey} promoted registration {RegistrationId}: {Outcome}", Actor, id, outcome);
        switch (outcome)
        {
            case PromoteOutcome.Promoted:
                Message = "Promoted: the person has a place and is told by e-mail.";
                break;
            case PromoteOutcome.FirstInLine:
                Message = "The event is full: the person is now first in line for the next free place.";
                break;
            case PromoteOutcome.NotFound:
                Error = "That registration no longer exists.";
                return await ShowAsync(cancellationToken);
            default:
                Error = "That person is not on the waitlist.";
                return await ShowAsync(cancellationToken);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEraseAsync(string? email, bool confirmed, CancellationToken cancellationToken)
    {
        var address = email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(address))
        {
            Error = "Choose the person to erase.";
            return await ShowAsync(cancellationToken);
        }

        if (!confirmed)
        {
            ConfirmErase = address;
            return await ShowAsync(cancellationToken);
        }

        var erased = await writer.EraseAsync(address, cancellationToken);
        logger.LogInformation(
            "Back-office user {ActorKey} erased a data subject: {Records} records and {Registrations} registrations deleted", Actor, erased.Records, erased.Registrations);
        Message = $"Erased: {erased.Records} sign-ups and {erased.Registrations} registrations deleted.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Event = (await EventSummary.ListAsync(db, events, EventId, cancellationToken)).SingleOrDefault();
        if (Event is null)
        {
            return NotFound();
        }

        Registrations = await db.Registrations.AsNoTracking().Where(r => r.EventKey == EventId)
            .OrderBy(r => r.Position).ToListAsync(cancellationToken);
        return Page();
    }

    private Guid Actor => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var key) ? key : Guid.Empty;
}
