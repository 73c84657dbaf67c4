using Ganss.Xss;
using IHtmlSanitizer = Umbraco.Cms.Core.Security.IHtmlSanitizer;

namespace IcssiCms.Core.RichText;

/// <summary>
/// What Umbraco's rich text editor saves goes through this first (Umbraco's <see cref="IHtmlSanitizer"/>, which does
/// nothing unless a site gives one): scripts, event handler attributes, <c>javascript:</c> links and styles that load
/// things are removed, so what an editor pastes cannot run in a visitor's browser. What the editor makes is kept:
/// headings, lists, links (local links too), tables, images with Umbraco's <c>data-</c> attributes, and Umbraco's
/// blocks in the text.
/// </summary>
public sealed class RichTextSanitizer : IHtmlSanitizer
{
    private readonly HtmlSanitizer _sanitizer = Create();

    public string Sanitize(string html) => string.IsNullOrEmpty(html) ? html : _sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer { AllowDataAttributes = true };
        // Umbraco's blocks in rich text, and the attributes its local links and media carry.
        sanitizer.AllowedTags.Add("umb-rte-block");
        sanitizer.AllowedTags.Add("umb-rte-block-inline");
        sanitizer.AllowedAttributes.Add("type");
        sanitizer.AllowedAttributes.Add("title");
        return sanitizer;
    }
}
