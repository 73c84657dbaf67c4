using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace IcssiCms.Web.IntegrationTests.Hosting;

/// <summary>Umbraco's Management API check of a document as the back office would save it, with one value changed.</summary>
public static class DocumentValidation
{
    /// <summary>
    /// Asks Umbraco to validate the document with this value for the (invariant) property, in every culture the hub
    /// has; gives Umbraco's answer and where the property is among the values sent.
    /// </summary>
    public static async Task<(HttpResponseMessage Response, int ValueIndex)> ValidateAsync(HttpClient editor, Guid document, string alias, JsonNode? value)
    {
        var saved = await editor.GetFromJsonAsync<JsonObject>($"/umbraco/management/api/v1/document/{document:D}");
        var values = saved!["values"]!.AsArray();
        var index = values.Select((v, i) => (Alias: v!["alias"]!.GetValue<string>(), i)).SingleOrDefault(v => v.Alias == alias).i;
        if (values.All(v => v!["alias"]!.GetValue<string>() != alias))
        {
            values.Add(new JsonObject { ["alias"] = alias, ["culture"] = null, ["segment"] = null });
            index = values.Count - 1;
        }

        values[index]!["value"] = value;
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
            ["cultures"] = new JsonArray("en-US", "ar"),
        };

        return (await editor.PutAsJsonAsync($"/umbraco/management/api/v1.1/document/{document:D}/validate", request), index);
    }
}
