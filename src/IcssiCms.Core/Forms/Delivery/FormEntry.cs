using System.Text.Json;

namespace IcssiCms.Core.Forms.Delivery;

/// <summary>
/// The body of <c>POST entries/{id}</c>: values by field alias (a string or an array of strings), the page the
/// form was on, the culture, and additional data. Parsed by hand so that a malformed part is named in the 400.
/// </summary>
public sealed record FormEntry(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Values,
    string? ContentId,
    string? Culture,
    IReadOnlyDictionary<string, string> AdditionalData)
{
    public const int MaxValueLength = 4000;
    public const int MaxValuesPerField = 100;

    /// <summary>Reads the body, or says which member is wrong.</summary>
    public static (FormEntry? Entry, string? Member, string? Problem) Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, "body", "The body must be a JSON object with \"values\".");
        }

        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (body.TryGetProperty("values", out var valuesElement))
        {
            if (valuesElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "values", "\"values\" must be an object of field aliases to a string or an array of strings.");
            }

            foreach (var property in valuesElement.EnumerateObject())
            {
                var list = new List<string>();
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        list.Add(property.Value.GetString()!);
                        break;
                    case JsonValueKind.Array:
                        foreach (var item in property.Value.EnumerateArray())
                        {
                            if (item.ValueKind != JsonValueKind.String)
                            {
                                return (null, $"values.{property.Name}", "Each value must be a string.");
                            }

                            list.Add(item.GetString()!);
                        }

                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        return (null, $"values.{property.Name}", "A value must be a string or an array of strings.");
                }

                if (list.Count > MaxValuesPerField || list.Any(v => v.Length > MaxValueLength))
                {
                    return (null, $"values.{property.Name}", $"At most {MaxValuesPerField} values of {MaxValueLength} characters each.");
                }

                values[property.Name] = list;
            }
        }

        var contentId = OptionalString(body, "contentId", out var contentProblem);
        if (contentProblem)
        {
            return (null, "contentId", "\"contentId\" must be a string.");
        }

        var culture = OptionalString(body, "culture", out var cultureProblem);
        if (cultureProblem)
        {
            return (null, "culture", "\"culture\" must be a string.");
        }

        var additional = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (body.TryGetProperty("additionalData", out var data) && data.ValueKind != JsonValueKind.Null)
        {
            if (data.ValueKind != JsonValueKind.Object || data.EnumerateObject().Any(p => p.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
            {
                return (null, "additionalData", "\"additionalData\" must be an object of strings.");
            }

            foreach (var property in data.EnumerateObject())
            {
                additional[property.Name] = property.Value.GetString() ?? string.Empty;
            }
        }

        return (new FormEntry(values, contentId, culture, additional), null, null);
    }

    public IReadOnlyList<string> ValuesOf(string alias) => Values.GetValueOrDefault(alias) ?? [];

    public string First(string alias) => ValuesOf(alias).FirstOrDefault()?.Trim() ?? string.Empty;

    private static string? OptionalString(JsonElement body, string name, out bool problem)
    {
        problem = false;
        if (!body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number)
        {
            return element.GetRawText();
        }

        problem = element.ValueKind != JsonValueKind.String;
        return problem ? null : element.GetString();
    }
}
