using System.Text.Json;
using IcssiCms.Core.Registrations;
using IcssiCms.Usync.Model;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IcssiCms.Core.Forms.Delivery;

/// <summary>
/// Umbraco Forms 17's delivery API, at its paths and with its settings (<c>Umbraco:Forms:Options:EnableFormsApi</c>),
/// over the hub's forms: <c>GET definitions/{id}</c>, and <c>POST entries/{id}</c> with Forms' status codes (202, 422, 400,
/// 415, 401, 404), an entry of a form with the hub's registration workflow being a sign-up for places.
/// </summary>
public static class FormsDeliveryApi
{
    public const string Route = "/umbraco/forms/delivery/api/v1";
    public const string EntriesPath = Route + "/entries";
    public const string HoneypotKey = "honeypot";
    public const string TokenRoute = "/api/icssi/forms/{id:guid}/token";

    /// <summary>Larger than any entry of the hub's forms filled to their limits (<see cref="FormEntry.MaxValueLength"/>).</summary>
    public const long MaxEntryBytes = 256 * 1024;

    /// <summary>The members of Umbraco Forms' entry body.</summary>
    private static readonly HashSet<string> EntryMembers = new(StringComparer.OrdinalIgnoreCase) { "values", "contentId", "culture", "additionalData" };

    public static void Map(IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup(Route).AddEndpointFilter(RequireFormsApi);
        forms.MapGet("/definitions/{id:guid}", GetDefinitionAsync);
        forms.MapPost("/entries/{id:guid}", PostEntryAsync).WithMetadata(new RequestSizeLimitAttribute(MaxEntryBytes));

        // Not part of Forms' contract: the hub's own addition, so it lives under the hub's prefix.
        app.MapGet(TokenRoute, GetToken).AddEndpointFilter(RequireFormsApi);
    }

    private static async ValueTask<object?> RequireFormsApi(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<FormsOptions>>().CurrentValue.EnableFormsApi
            ? await next(context)
            : Problems.NotFound("The Forms API is not enabled (Umbraco:Forms:Options:EnableFormsApi).");

    private static async Task<IResult> GetDefinitionAsync(Guid id, string? culture, FormDefinitions definitions) =>
        await definitions.FindAsync(id, culture) is { } form
            ? Results.Ok(await definitions.DefineAsync(form))
            : Problems.NotFound($"No form has the id {id}.");

    private static IResult GetToken(Guid id, HubForms forms, FormTokens tokens, IAntiforgery antiforgery, HttpContext context) =>
        forms.Get(id) is null ? Problems.NotFound($"No form has the id {id}.") : Results.Ok(tokens.IssueForBrowser(id, antiforgery, context));

    /// <summary>
    /// The hub's checks beyond Forms' contract: a browser must send the form token it was given when the form was shown,
    /// no sooner than a person could fill the form in; a server (with the Forms API key) need not, but a token it passes
    /// on from its visitor is checked the same way.
    /// </summary>
    private static IResult? CheckFormToken(Guid form, FormEntry entry, bool fromServer, FormTokens tokens, RegistrationOptions options, HttpContext context)
    {
        var token = entry.AdditionalData.GetValueOrDefault(FormTokens.AdditionalDataKey);
        if (!options.Abuse.RequireFormToken || (fromServer && token is null))
        {
            return null;
        }

        return tokens.Refusal(form, token, context);
    }

    private static async Task<IResult> PostEntryAsync(
        Guid id,
        HttpContext context,
        FormDefinitions definitions,
        FormsAccess access,
        FormTokens tokens,
        IOptionsMonitor<RegistrationOptions> registrationOptions,
        HubEvents events,
        SignUpQueue signUps,
        ILoggerFactory loggers)
    {
        var (body, unreadable) = await JsonBody.ReadAsync(context, "Entries");
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (await access.CheckAsync(context) is { } denied)
        {
            return denied;
        }

        var (entry, member, problem) = FormEntry.Parse(body);
        if (await definitions.FindAsync(id, entry?.Culture) is not { } form)
        {
            return Problems.NotFound($"No form has the id {id}.");
        }

        if (entry is null)
        {
            return Problems.BadRequest(member!, problem!);
        }

        if (UnknownMember(body, form.Form) is { } unknown)
        {
            return Problems.BadRequest(unknown, $"'{unknown}' is not part of an entry of this form.");
        }

        if (CheckFormToken(id, entry, access.IsServer(context), tokens, registrationOptions.CurrentValue, context) is { } refused)
        {
            return refused;
        }

        if (entry.Culture is not null && !string.Equals(entry.Culture, form.Culture, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.BadRequest("culture", $"'{entry.Culture}' is not a language of the hub.");
        }

        Guid? contentKey = null;
        if (entry.ContentId is not null)
        {
            if (!Guid.TryParse(entry.ContentId, out var key))
            {
                return Problems.BadRequest("contentId", "contentId must be the key (GUID) of the page the form is on.");
            }

            contentKey = key;
        }

        var validation = FormEntryValidator.Validate(form.Form, entry, form.Texts);
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        var chosen = await events.FindAsync(validation.Accepted.Values.SelectMany(v => v).Select(v => Guid.TryParse(v, out var key) ? key : Guid.Empty).Where(k => k != Guid.Empty));
        var signUp = SignUpReading.Read(form.Form, validation.Accepted, form.Culture, contentKey, form.Texts, chosen.ContainsKey, out var placeErrors);
        if (placeErrors is not null)
        {
            return Problems.Invalid(placeErrors);
        }

        var definition = await definitions.DefineAsync(form);
        var logger = loggers.CreateLogger(typeof(FormsDeliveryApi));
        if (!string.IsNullOrEmpty(entry.AdditionalData.GetValueOrDefault(HoneypotKey)))
        {
            // Told apart from a person only by a field people cannot see: answered exactly as an accepted entry with
            // a place at every event it chose, and dropped, so a bot learns nothing.
            logger.LogInformation("Form {FormId}: entry dropped by the honeypot", id);
            return Accepted(definition, signUp.Events.Distinct().Select(e => new PlaceResult(e, PlaceOutcome.Placed)), chosen, form.Culture);
        }

        var result = await signUps.SignUpAsync(signUp, signUp.Events.Distinct().ToDictionary(e => e, e => chosen[e].Capacity), context.RequestAborted);
        logger.LogInformation("Form {FormId}: entry accepted ({Places} places, {Waitlisted} waitlisted)",
            id, result.Places.Count(p => p.Outcome == PlaceOutcome.Placed), result.Places.Count(p => p.Outcome == PlaceOutcome.Waitlisted));
        return Accepted(definition, result.Places, chosen, form.Culture);
    }

    /// <summary>A member of the body that an entry of the form does not have: a top-level one, or a value for no field.</summary>
    private static string? UnknownMember(JsonElement body, UsyncForm form)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (!EntryMembers.Contains(property.Name))
            {
                return property.Name;
            }
        }

        if (body.TryGetProperty("values", out var values))
        {
            var aliases = form.Fields.Select(f => f.Alias).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var value in values.EnumerateObject())
            {
                if (!aliases.Contains(value.Name))
                {
                    return $"values.{value.Name}";
                }
            }
        }

        return null;
    }

    private static IResult Accepted(FormDefinitionResponse definition, IEnumerable<PlaceResult> places, IReadOnlyDictionary<Guid, PublishedEvent> events, string culture) =>
        Results.Accepted(value: new EntryAccepted(
            definition.MessageOnSubmit,
            definition.MessageOnSubmitIsHtml,
            definition.GotoPageOnSubmit,
            definition.GotoPageOnSubmitRoute,
            places.Select(p => new PlaceResponse(p.EventKey, events[p.EventKey].NameIn(culture), p.Outcome == PlaceOutcome.Placed ? "placed" : "waitlisted")).ToList()));
}
