using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace IcssiCms.Web.IntegrationTests.Hosting;

/// <summary>A document saved or checked through Umbraco's Management API as the back office does it, with one value changed.</summary>
public static class DocumentEditing
{
    /// <summary>
    /// Asks Umbraco to validate the document with this value for the (invariant) property, in every culture the hub
    /// has; gives Umbraco's answer and where the property is among the values sent.
    /// </summary>
    public static async Task<(HttpResponseMessage Response, int ValueIndex)> ValidateAsync(HttpClient editor, Guid document, string alias, JsonNode? value)
    {
        var (request, index) = await RequestAsync(editor, document, alias, culture: null, _ => value);
        request["cultures"] = new JsonArray("en-US", "ar");
        return (await editor.PutAsJsonAsync($"/umbraco/management/api/v1.1/document/{document:D}/validate", request), index);
    }

    /// <summary>Saves the document with the property's value in that culture (null: invariant) changed as given.</summary>
    public static async Task<HttpResponseMessage> SaveAsync(HttpClient editor, Guid document, string alias, string? culture, Func<JsonNode?, JsonNode?> change)
    {
        var (request, _) = await RequestAsync(editor, document, alias, culture, change);
        return await editor.PutAsJsonAsync($"/umbraco/management/api/v1/document/{document:D}", request);
    }

    private static async Task<(JsonObject Request, int ValueIndex)> RequestAsync(HttpClient editor, Guid document, string alias, string? culture, Func<JsonNode?, JsonNode?> change)
    {
        var saved = await editor.GetFromJsonAsync<JsonObject>($"/umbraco/management/api/v1/document/{document:D}");
        var values = saved!["values"]!.AsArray();
        bool IsTheValue(JsonNode? v) => v!["alias"]!.GetValue<string>() == alias && v["culture"]?.GetValue<string>() == culture;
        var index = values.Select((v, i) => (v, i)).Where(p => IsTheValue(p.v)).Select(p => p.i).DefaultIfEmpty(-1).Single();
        if (index < 0)
        {
            values.Add(new JsonObject { ["alias"] = alias, ["culture"] = culture, ["segment"] = null });
            index = values.Count - 1;
        }

        values[index]!["value"] = change(values[index]!["value"]?.DeepClone());
        var request = new JsonObject
        {
            ["values"] = new JsonArray(values.Select(v => (JsonNode)new JsonObject
            {
                ["alias"] = v!["alias"]!.GetValue<string>(),
                ["culture"] = v["culture"]?.DeepClone(),
                ["segment"] = v["segment"]?.DeepClone(),
                ["value"] = v["value"]?.DeepClone(),
            }).ToArray()),
            ["variants"] = new JsonArray(saved["variants"]!.AsArray().Select(v => (JsonNode)new JsonObject
            {
                ["culture"] = v!["culture"]?.DeepClone(),
                ["segment"] = v["segment"]?.DeepClone(),
                ["name"] = v["name"]!.DeepClone(),
            }).ToArray()),
            ["template"] = saved["template"]?.DeepClone(),
        };
        return (request, index);
    }
}
