using IcssiCms.Core.Registrations;
using RegistrationMailKind = IcssiCms.Store.Storage.RegistrationMailKind;
using RegistrationStatus = IcssiCms.Store.Storage.RegistrationStatus;
using IcssiCms.Core.Forms.Delivery;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using IcssiCms.EmbeddedHost.Registrations;
using IcssiCms.Usync.Editors;
using IcssiCms.Usync.Model;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace IcssiCms.EmbeddedHost.Forms;

/// <summary>
/// Umbraco Forms 17's delivery API: <c>GET definitions/{id}</c> and <c>POST entries/{id}</c>, with Forms' status
/// codes; and the form token endpoint a client calls when it shows a form.
/// </summary>
public static class FormsApi
{
    public const string Route = FormsDeliveryApi.Route;
    public const string EntriesPath = FormsDeliveryApi.EntriesPath;
    public const string HoneypotKey = FormsDeliveryApi.HoneypotKey;
    public const string TokenRoute = FormsDeliveryApi.TokenRoute;

    private static async ValueTask<object?> RequireFormsApi(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<FormsOptions>>().CurrentValue.EnableFormsApi
            ? await next(context)
            : Problems.NotFound("The Forms API is not enabled (Umbraco:Forms:Options:EnableFormsApi).");

    public static IEndpointRouteBuilder MapFormsApi(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup(Route).AddEndpointFilter(RequireFormsApi);
        forms.MapGet("/definitions/{id:guid}", GetDefinition);
        forms.MapPost("/entries/{id:guid}", PostEntry);

        // Not part of Forms' contract: the hub's own addition, so it lives under the hub's prefix.
        app.MapGet(TokenRoute, GetToken).AddEndpointFilter(RequireFormsApi);
        return app;
    }

    private static IResult GetDefinition(Guid id, string? culture, FormCatalog catalog, ContentSnapshotAccessor snapshots, HttpContext context)
    {
        var snapshot = snapshots.Current;
        return catalog.Definition(id, CultureOrDefault(culture, snapshot), snapshot) is { } definition
            ? Results.Ok(definition)
            : Problems.NotFound($"No form has the id {id}.");
    }

    private static IResult GetToken(Guid id, FormCatalog catalog, FormTokens tokens, IAntiforgery antiforgery, HttpContext context) =>
        catalog.Find(id) is null ? Problems.NotFound($"No form has the id {id}.") : Results.Ok(tokens.IssueForBrowser(id, antiforgery, context));

    private static async Task<IResult> PostEntry(
        Guid id,
        HttpContext context,
        FormCatalog catalog,
        FormsAccess access,
        FormTokens tokens,
        ContentSnapshotAccessor snapshots,
        EventCapacities events,
        RegistrationWriter writer,
        IOptions<RegistrationOptions> options,
        ILoggerFactory loggers)
    {
        if (!context.Request.HasJsonContentType())
        {
            return Problems.UnsupportedMediaType("Entries are sent as application/json.");
        }

        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            body = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return Problems.BadRequest("body", $"The body is not valid JSON: {ex.Message}");
        }

        if (await access.CheckAsync(context) is { } denied)
        {
            return denied;
        }

        if (catalog.Find(id) is not { } form)
        {
            return Problems.NotFound($"No form has the id {id}.");
        }

        var (entry, member, problem) = FormEntry.Parse(body);
        if (entry is null)
        {
            return Problems.BadRequest(member!, problem!);
        }

        var logger = loggers.CreateLogger(typeof(FormsApi));
        if (options.Value.Abuse.RequireFormToken
            && tokens.Refusal(id, entry.AdditionalData.GetValueOrDefault(FormTokens.AdditionalDataKey), context) is { } refused)
        {
            return refused;
        }

        var snapshot = snapshots.Current;
        var culture = entry.Culture is null ? snapshot.DefaultCulture : KnownCulture(entry.Culture, snapshot);
        if (culture is null)
        {
            return Problems.BadRequest("culture", $"'{entry.Culture}' is not a language of the hub ({string.Join(", ", snapshot.Cultures)}).");
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

        var translator = catalog.Translator(culture, snapshot.DefaultCulture);
        var validation = FormEntryValidator.Validate(form, entry, translator);
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        var signUp = SignUpReading.Read(form, validation.Accepted, culture, contentKey, translator, events.IsPublished, out var placeErrors);
        if (placeErrors is not null)
        {
            return Problems.Invalid(placeErrors);
        }

        var definition = catalog.Definition(id, culture, snapshot)!;
        if (!string.IsNullOrEmpty(entry.AdditionalData.GetValueOrDefault(HoneypotKey)))
        {
            // Told apart from a person only by a field people cannot see: answered exactly as an accepted entry with
            // a place at every event it chose, and dropped, so a bot learns nothing.
            logger.LogInformation("Form {FormId}: entry dropped by the honeypot", id);
            return Results.Accepted(value: new EntryAccepted(
                definition.MessageOnSubmit, definition.MessageOnSubmitIsHtml, definition.GotoPageOnSubmit, definition.GotoPageOnSubmitRoute,
                signUp.Events.Distinct().Select(e => new PlaceResponse(e, events.NameOf(e, culture), "placed")).ToList()));
        }

        var result = await writer.SignUpAsync(signUp, context.RequestAborted);
        logger.LogInformation("Form {FormId}: entry accepted ({Places} places, {Waitlisted} waitlisted)",
            id, result.Places.Count(p => p.Outcome == PlaceOutcome.Placed), result.Places.Count(p => p.Outcome == PlaceOutcome.Waitlisted));
        return Results.Accepted(value: new EntryAccepted(
            definition.MessageOnSubmit,
            definition.MessageOnSubmitIsHtml,
            definition.GotoPageOnSubmit,
            definition.GotoPageOnSubmitRoute,
            result.Places.Select(p => new PlaceResponse(p.EventKey, events.NameOf(p.EventKey, culture), p.Outcome == PlaceOutcome.Placed ? "placed" : "waitlisted")).ToList()));
    }

    private static string CultureOrDefault(string? culture, ContentSnapshot snapshot) =>
        culture is not null && KnownCulture(culture, snapshot) is { } known ? known : snapshot.DefaultCulture;

    private static string? KnownCulture(string culture, ContentSnapshot snapshot) =>
        snapshot.Cultures.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));
}
