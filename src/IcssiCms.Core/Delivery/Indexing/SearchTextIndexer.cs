using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Cms.Core.Models;
using Umbraco.Extensions;

namespace IcssiCms.Core.Delivery.Indexing;

/// <summary>
/// Indexes the words a visitor would search for, per culture: the name and every text, text area, rich text,
/// tag and repeatable text property, whatever the document type, so that a property added through uSync is
/// searchable without a code change. Rich text is indexed as its text, without markup. A culture with an analysis of
/// its own (<see cref="SearchLanguages"/>) also has its words in its own field, which the <c>search:</c> filter reads.
/// </summary>
public sealed partial class SearchTextIndexer : IContentIndexHandler
{
    public const string FieldName = "searchText";

    private static readonly HashSet<string> TextEditors =
    [
        Constants.PropertyEditors.Aliases.TextBox,
        Constants.PropertyEditors.Aliases.TextArea,
        Constants.PropertyEditors.Aliases.RichText,
        Constants.PropertyEditors.Aliases.Tags,
        Constants.PropertyEditors.Aliases.MultipleTextstring,
    ];

    public IEnumerable<IndexFieldValue> GetFieldValues(IContent content, string? culture)
    {
        var text = new StringBuilder(culture is null ? content.Name : content.GetCultureName(culture) ?? content.Name);
        foreach (var property in content.Properties)
        {
            if (!TextEditors.Contains(property.PropertyType.PropertyEditorAlias))
            {
                continue;
            }

            var valueCulture = property.PropertyType.VariesByCulture() ? culture : null;
            if (property.GetValue(valueCulture) is string value && !string.IsNullOrWhiteSpace(value))
            {
                text.Append('\n').Append(PlainText(property.PropertyType.PropertyEditorAlias, value));
            }
        }

        var words = text.ToString();
        var languageField = SearchLanguages.FieldFor(culture);
        return languageField == FieldName
            ? [new IndexFieldValue { FieldName = FieldName, Values = [words] }]
            : [new IndexFieldValue { FieldName = FieldName, Values = [words] }, new IndexFieldValue { FieldName = languageField, Values = [words] }];
    }

    public IEnumerable<IndexField> GetFields() =>
        SearchLanguages.All.Select(l => l.FieldName).Prepend(FieldName)
            .Select(field => new IndexField { FieldName = field, FieldType = FieldType.StringAnalyzed, VariesByCulture = true });

    /// <summary>Rich text as its words; tag and repeatable-text arrays as their items.</summary>
    internal static string PlainText(string editorAlias, string value)
    {
        var trimmed = value.Trim();
        if (editorAlias == Constants.PropertyEditors.Aliases.RichText)
        {
            var markup = trimmed.StartsWith('{') && TryRead(trimmed, out var json) && json.TryGetProperty("markup", out var m) ? m.GetString() ?? string.Empty : trimmed;
            return WebUtility.HtmlDecode(Tags().Replace(markup, " "));
        }

        if (trimmed.StartsWith('[') && TryRead(trimmed, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            return string.Join(' ', array.EnumerateArray().Select(item => item.ToString()));
        }

        return trimmed;
    }

    private static bool TryRead(string json, out JsonElement element)
    {
        try
        {
            element = JsonDocument.Parse(json).RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            element = default;
            return false;
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
