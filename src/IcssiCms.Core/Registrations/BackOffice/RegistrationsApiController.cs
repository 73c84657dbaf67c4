using System.Text.Json;
using IcssiCms.Core.BackOffice;
using Asp.Versioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Umbraco.Cms.Api.Management.Controllers;
using Umbraco.Cms.Api.Management.Routing;
using Umbraco.Cms.Web.Common.Authorization;

namespace IcssiCms.Core.Registrations.BackOffice;

/// <summary>
/// The back office's Registrations view, under Umbraco's back-office authentication: any user with access to the
/// content section sees the events and their counts; only administrators (Umbraco's admin group) see who registered,
/// export them, promote from a waitlist, and export or erase one person's data. The person's e-mail address travels in
/// the body, never in the URL. Nothing is cached, and no name or address is logged.
/// </summary>
[ApiVersion("1.0")]
[VersionedApiBackOfficeRoute(Route)]
[ApiExplorerSettings(GroupName = "ICSSI registrations")]
[Authorize(Policy = AuthorizationPolicies.SectionAccessContent)]
[ResponseCache(NoStore = true)]
public sealed class RegistrationsApiController(
    RegistrationReport report,
    RegistrationStore store,
    ILogger<RegistrationsApiController> logger) : ManagementApiControllerBase
{
    public const string Route = "icssi/registrations";
    public const string PersonExportFileName = "person-data.json";

    [HttpGet("events")]
    [ProducesResponseType<IReadOnlyList<EventRegistrationCounts>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Events() => Ok(await report.EventsAsync());

    [HttpGet("events/{eventId}")]
    [Authorize(Policy = AuthorizationPolicies.RequireAdminAccess)]
    [ProducesResponseType<EventRegistrations>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Event(string eventId)
    {
        if (!Guid.TryParse(eventId, out var key))
        {
            return BackOfficeProblems.Create(StatusCodes.Status400BadRequest, "eventId", "The event id is not a GUID.");
        }

        return await report.EventAsync(key) is { } counts
            ? Ok(new EventRegistrations(counts, report.RegistrationsOf(key)))
            : BackOfficeProblems.Create(StatusCodes.Status404NotFound, "eventId", "No event has this id, and nobody signed up for one with it.");
    }

    /// <summary>Every registration, or one event's, as CSV (see <see cref="RegistrationCsv"/>).</summary>
    [HttpGet("export")]
    [Authorize(Policy = AuthorizationPolicies.RequireAdminAccess)]
    [Produces("text/csv")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Export([FromQuery] string? eventId, CancellationToken cancellationToken)
    {
        Guid? key = null;
        if (eventId is not null)
        {
            if (!Guid.TryParse(eventId, out var parsed))
            {
                return BackOfficeProblems.Create(StatusCodes.Status400BadRequest, "eventId", "The event id is not a GUID.");
            }

            key = parsed;
        }

        var csv = await RegistrationCsv.WriteAsync(report.ExportRows(key), cancellationToken);
        return File(csv, RegistrationCsv.ContentType, RegistrationCsv.FileName);
    }

    /// <summary>
    /// Takes a waitlisted person off the line out of turn: a free place if there is one (<c>promoted</c>), else first in
    /// line for the next place that frees (<c>firstInLine</c>); never past the event's capacity.
    /// </summary>
    [HttpPost("{id}/promote")]
    [Authorize(Policy = AuthorizationPolicies.RequireAdminAccess)]
    [ProducesResponseType<PromoteResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public IActionResult Promote(string id)
    {
        if (!Guid.TryParse(id, out var key))
        {
            return BackOfficeProblems.Create(StatusCodes.Status400BadRequest, "id", "The registration id is not a GUID.");
        }

        var outcome = store.Promote(key);
        logger.LogInformation("Registration {Registration} promoted by staff: {Outcome}", key, outcome);
        return outcome switch
        {
            PromoteOutcome.Promoted => Ok(new PromoteResponse(key, "promoted")),
            PromoteOutcome.FirstInLine => Ok(new PromoteResponse(key, "firstInLine")),
            PromoteOutcome.NotFound => BackOfficeProblems.Create(StatusCodes.Status404NotFound, "id", "No registration has this id."),
            _ => BackOfficeProblems.Create(StatusCodes.Status409Conflict, "id", "This registration is not on the waitlist."),
        };
    }

    /// <summary>Everything stored for one e-mail address (the body's <c>email</c>), as a JSON download.</summary>
    [HttpPost("person/export")]
    [Authorize(Policy = AuthorizationPolicies.RequireAdminAccess)]
    [ProducesResponseType<PersonData>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> ExportPerson(CancellationToken cancellationToken)
    {
        var (email, problem) = await PersonRequest.ReadEmailAsync(Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (records, registrations) = store.Of(email!);
        var data = new PersonData(
            email!,
            records.Select(r => new PersonRecord(
                r.Key, r.FormKey, r.ContentKey, r.Culture, RegistrationReport.Utc(r.CreatedUtc), r.ConsentVersion, r.ConsentText,
                JsonSerializer.Deserialize<JsonElement>(r.ValuesJson))).ToList(),
            registrations.Select(r => new PersonRegistration(
                r.Key, r.EventKey, report.EventName(r.EventKey), r.Name, r.Email, r.Culture,
                ((RegistrationStatus)r.Status).ToText(), r.Position, RegistrationReport.Utc(r.CreatedUtc),
                RegistrationReport.Utc(r.UpdatedUtc), r.EmailConfirmedUtc is { } confirmed ? RegistrationReport.Utc(confirmed) : null)).ToList());
        logger.LogInformation("Data-subject export: {Records} records and {Registrations} registrations", data.Records.Count, data.Registrations.Count);
        Response.Headers.ContentDisposition = $"attachment; filename=\"{PersonExportFileName}\"";
        return Ok(data);
    }

    /// <summary>
    /// A data subject's erasure: every record and registration of the body's <c>email</c> is deleted (their places go to
    /// those in line). Answers how many of each; none is not an error.
    /// </summary>
    [HttpPost("person/erase")]
    [Authorize(Policy = AuthorizationPolicies.RequireAdminAccess)]
    [ProducesResponseType<ErasureResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> ErasePerson(CancellationToken cancellationToken)
    {
        var (email, problem) = await PersonRequest.ReadEmailAsync(Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var erased = store.Erase(email!);
        logger.LogInformation("Data-subject erasure: {Records} records and {Registrations} registrations deleted", erased.Records, erased.Registrations);
        return Ok(erased);
    }
}

/// <summary>What a promotion did: <c>promoted</c> (a free place) or <c>firstInLine</c> (full: the next place is theirs).</summary>
public sealed record PromoteResponse(Guid Id, string Outcome);

/// <summary>One event's counts and its registrations in line order.</summary>
public sealed record EventRegistrations(EventRegistrationCounts Event, IReadOnlyList<EventRegistration> Registrations);

/// <summary>A data subject's export: their form records (with the values as sent and the consent given) and registrations.</summary>
public sealed record PersonData(string Email, IReadOnlyList<PersonRecord> Records, IReadOnlyList<PersonRegistration> Registrations);

public sealed record PersonRecord(
    Guid Id, Guid FormId, Guid? ContentId, string Culture, DateTime CreatedAt, string? ConsentVersion, string? ConsentText, JsonElement Values);

public sealed record PersonRegistration(
    Guid Id, Guid EventId, string EventName, string Name, string Email, string Culture, string Status, long Position,
    DateTime SignedUpAt, DateTime UpdatedAt, DateTime? EmailConfirmedAt);
