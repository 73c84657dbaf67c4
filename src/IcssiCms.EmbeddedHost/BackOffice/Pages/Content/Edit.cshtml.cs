using System.Globalization;
using System.Security.Claims;
using IcssiCms.EmbeddedHost.BackOffice.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcssiCms.EmbeddedHost.BackOffice.Pages.Content;

/// <summary>
/// Edits one item: a name and one control per property for each culture (invariant properties once), driven by its
/// document type; Save draft, Publish and Unpublish, with refusals shown beside their fields.
/// </summary>
[Authorize]
internal sealed class EditModel(ContentEditing editing, BackOfficeTimeZone timeZone) : PageModel
{
    public const string NamePrefix = "name:";
    public const string ValuePrefix = "value:";
    public const string CultureField = "culture";

    public EditableContent Item { get; private set; } = null!;

    public ContentEdit? Posted { get; private set; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<AuditLine> Audit { get; private set; } = [];

    public IReadOnlyDictionary<string, ScheduledCulture> Schedule { get; private set; } = new Dictionary<string, ScheduledCulture>();

    /// <summary>The name of a culture's "Publish at" input (the empty culture when invariant).</summary>
    public static string PublishAtField(string culture) => "publishAt:" + culture;

    /// <summary>The name of a culture's "Unpublish at" input.</summary>
    public static string UnpublishAtField(string culture) => "unpublishAt:" + culture;

    /// <summary>The zone the page's times are in (<see cref="BackOfficeTimeZone"/>).</summary>
    public string TimeZoneName => timeZone.Name;

    /// <summary>A scheduled time (UTC) as a <c>datetime-local</c> input shows it, in the back office's time zone.</summary>
    public string ForInput(DateTime? at) => at is { } utc ? timeZone.ToLocal(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>A time of the history (UTC) in the back office's time zone.</summary>
    public string ForReading(DateTime at) => timeZone.ToLocal(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid key, CancellationToken cancellationToken) =>
        await LoadAsync(key, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSaveAsync(Guid key, CancellationToken cancellationToken) =>
        EditAsync(key, "saved", (edit, cultures, user) => editing.SaveAsync(Item, edit, user, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(Guid key, CancellationToken cancellationToken) =>
        EditAsync(key, "published", (edit, cultures, user) => editing.PublishAsync(Item, edit, cultures, user, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostUnpublishAsync(Guid key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken))
        {
            return NotFound();
        }

        await editing.UnpublishAsync(key, Item.VariesByCulture ? PostedCultures() : [], UserKey, cancellationToken);
        return RedirectToPage(new { key, status = "unpublished" });
    }

    public async Task<IActionResult> OnPostScheduleAsync(Guid key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken))
        {
            return NotFound();
        }

        var schedule = new Dictionary<string, ScheduledCulture>(StringComparer.OrdinalIgnoreCase);
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var culture in Item.VariesByCulture ? Item.Languages.Select(l => l.IsoCode) : [string.Empty])
        {
            var publishAt = ReadTime(PublishAtField(culture), culture, errors);
            var unpublishAt = ReadTime(UnpublishAtField(culture), culture, errors);
            if (publishAt is not null || unpublishAt is not null)
            {
                schedule[culture] = new ScheduledCulture(publishAt, unpublishAt);
            }
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await editing.ScheduleAsync(key, schedule, UserKey, cancellationToken);
        return RedirectToPage(new { key, status = "scheduled" });
    }

    public async Task<IActionResult> OnPostTrashAsync(Guid key, CancellationToken cancellationToken) =>
        await editing.TrashAsync(key, UserKey, cancellationToken) ? RedirectToPage("/RecycleBin", new { status = "trashed" }) : NotFound();

    /// <summary>The name of a field's input: its alias and culture (empty when invariant).</summary>
    public static string FieldName(string alias, string culture) => ValuePrefix + alias + ":" + culture;

    /// <summary>A field's id: letters, digits and dashes only.</summary>
    public static string FieldId(string alias, string culture) => culture.Length == 0 ? $"value-{alias}" : $"value-{alias}-{culture}";

    public string ValueOf(string alias, string culture) =>
        Posted is not null ? Posted.Values.GetValueOrDefault((alias, culture)) ?? string.Empty : Item.Value(alias, culture);

    public string NameOf(string culture) =>
        Posted is not null ? Posted.Names.GetValueOrDefault(culture) ?? string.Empty : Item.Names.GetValueOrDefault(culture) ?? string.Empty;

    public IReadOnlyList<string> ErrorsOf(string alias, string culture) =>
        Errors.GetValueOrDefault(ContentEditing.FieldKey(alias, culture)) ?? [];

    private Guid UserKey => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No user key."));

    private async Task<IActionResult> EditAsync(Guid key, string status, Func<ContentEdit, IReadOnlyCollection<string>, Guid, Task<EditOutcome>> edit, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken))
        {
            return NotFound();
        }

        Posted = ReadForm();
        var outcome = await edit(Posted, PostedCultures(), UserKey);
        if (outcome.Succeeded)
        {
            return RedirectToPage(new { key, status });
        }

        Errors = outcome.Errors;
        await LoadAsync(key, cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid key, CancellationToken cancellationToken)
    {
        var item = await editing.GetAsync(key, cancellationToken);
        if (item is null)
        {
            return false;
        }

        Item = item;
        Audit = await editing.AuditAsync(key, 20, cancellationToken);
        Schedule = await editing.ScheduleOfAsync(key, cancellationToken);
        return true;
    }

    /// <summary>
    /// A posted <c>datetime-local</c> value, in the back office's time zone, as UTC; null when empty, an error when not
    /// a date and time or a time the zone's clocks skip.
    /// </summary>
    private DateTime? ReadTime(string field, string culture, Dictionary<string, IReadOnlyList<string>> errors)
    {
        var posted = Request.Form[field].ToString().Trim();
        if (posted.Length == 0)
        {
            return null;
        }

        var key = ContentEditing.FieldKey(field.Split(':')[0], culture);
        if (!DateTime.TryParse(posted, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            errors[key] = [$"Give a date and time such as 2026-12-31T09:00 ({timeZone.Name})."];
            return null;
        }

        if (timeZone.ToUtc(local) is not { } utc)
        {
            errors[key] = [$"{local:yyyy-MM-dd HH:mm} does not exist in {timeZone.Name}: the clocks go forward then. Give another time."];
            return null;
        }

        return utc;
    }

    private List<string> PostedCultures() =>
        Request.Form[CultureField].Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).ToList();

    private ContentEdit ReadForm()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var values = new Dictionary<(string, string), string?>();
        foreach (var (field, posted) in Request.Form)
        {
            if (field.StartsWith(NamePrefix, StringComparison.Ordinal))
            {
                names[field[NamePrefix.Length..]] = posted.ToString();
            }
            else if (field.StartsWith(ValuePrefix, StringComparison.Ordinal) && field[ValuePrefix.Length..].Split(':', 2) is [var alias, var culture])
            {
                // A multiple select posts one value per picked item.
                values[(alias, culture)] = string.Join(",", posted.Where(v => !string.IsNullOrEmpty(v)));
            }
        }

        return new ContentEdit(names, values);
    }
}
