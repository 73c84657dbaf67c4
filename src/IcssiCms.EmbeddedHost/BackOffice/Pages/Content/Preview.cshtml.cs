using System.Text.Json;
using IcssiCms.EmbeddedHost.BackOffice.Content;
using IcssiCms.EmbeddedHost.Delivery.Rendering;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcssiCms.EmbeddedHost.BackOffice.Pages.Content;

/// <summary>
/// Shows, per culture the item has, the JSON the Delivery API would serve for its draft (a <c>Preview: true</c>
/// request), built in-process by the API's own response builder from the draft snapshot.
/// </summary>
[Authorize]
internal sealed class PreviewModel(ContentEditing editing, ContentResponseBuilder responses) : PageModel
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };

    private static readonly HashSet<string> RightToLeft = new(StringComparer.OrdinalIgnoreCase) { "ar", "ckb", "fa", "he", "ur" };

    public EditableContent Item { get; private set; } = null!;

    /// <summary>Per culture (the empty culture for an invariant item): its heading and the JSON, null when not served.</summary>
    public IReadOnlyList<PreviewCulture> Cultures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid key, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (await editing.GetAsync(key, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        var names = item.Languages.ToDictionary(l => l.IsoCode, l => l.Name, StringComparer.OrdinalIgnoreCase);
        var order = item.Languages.Select(l => l.IsoCode).ToList();
        Cultures = [.. responses.DraftCultures(key)
            .OrderBy(c => order.FindIndex(o => string.Equals(o, c, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i : int.MaxValue)
            .Select(c => new PreviewCulture(
                c,
                c.Length == 0 ? "Invariant" : names.GetValueOrDefault(c, c),
                RightToLeft.Contains(c.Split('-')[0]) ? "rtl" : "ltr",
                responses.BuildDraft(key, c) is { } response ? JsonSerializer.Serialize(response, Indented) : null))];
        return Page();
    }
}

internal sealed record PreviewCulture(string Culture, string Heading, string Direction, string? Json);
