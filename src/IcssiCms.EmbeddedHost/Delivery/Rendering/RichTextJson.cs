using System.Text.Json.Serialization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace IcssiCms.EmbeddedHost.Delivery.Rendering;

/// <summary>An element of rich text as JSON: its tag, attributes and child elements.</summary>
public sealed record RichTextElement(
    [property: JsonPropertyName("tag")] string Tag,
    [property: JsonPropertyName("attributes")] IReadOnlyDictionary<string, string> Attributes,
    [property: JsonPropertyName("elements")] IReadOnlyList<object> Elements);

/// <summary>A run of text inside rich text as JSON (tag <c>#text</c>).</summary>
public sealed record RichTextText(
    [property: JsonPropertyName("tag")] string Tag,
    [property: JsonPropertyName("text")] string Text);

/// <summary>The whole value (tag <c>#root</c>), with the blocks the markup refers to.</summary>
public sealed record RichTextRoot(
    [property: JsonPropertyName("tag")] string Tag,
    [property: JsonPropertyName("attributes")] IReadOnlyDictionary<string, string> Attributes,
    [property: JsonPropertyName("elements")] IReadOnlyList<object> Elements,
    [property: JsonPropertyName("blocks")] IReadOnlyList<object> Blocks);

/// <summary>
/// Rich text as Umbraco's Delivery API writes it when <c>RichTextOutputAsJson</c> is on: the markup parsed (with
/// AngleSharp, as browsers parse it) into a tree of elements and text, so a front end renders it without HTML.
/// </summary>
internal static class RichTextJson
{
    private static readonly HtmlParser Parser = new();

    public static RichTextRoot From(string markup)
    {
        using var document = Parser.ParseDocument($"<body>{markup}</body>");
        return new RichTextRoot("#root", new Dictionary<string, string>(), ElementsOf(document.Body!), []);
    }

    private static List<object> ElementsOf(INode parent) =>
        parent.ChildNodes.Select<INode, object?>(node => node switch
        {
            IElement element => new RichTextElement(
                element.LocalName,
                element.Attributes.ToDictionary(a => a.Name, a => a.Value),
                ElementsOf(element)),
            IText text => new RichTextText("#text", text.Data),
            _ => null,
        }).OfType<object>().ToList();
}
