using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcssiCms.Web.IntegrationTests.Hosting;
using Umbraco.Cms.Core;

namespace IcssiCms.Web.IntegrationTests.Publishing;

/// <summary>
/// An event's capacity is a whole number of 0 or more: the hub's Capacity data type (Umbraco's integer editor with a
/// minimum of 0), so Umbraco's back office refuses anything else with its message beside the field.
/// </summary>
[Collection(SeededSiteCollection.Name)]
public sealed class CapacityRuleTests(HubSite site)
{
    private static readonly Guid Conference2014 = Guid.Parse("c7da7b3f-0469-5b99-86fc-1c81d44d5732");

    [Theory]
    [InlineData("-1")]
    [InlineData("-250")]
    [InlineData("twelve")]
    public async Task An_Editor_Is_Refused_A_Capacity_That_Is_Not_A_Whole_Number_Of_0_Or_More(string capacity)
    {
        using var editor = await ApiUsers.ClientInGroupAsync(site, Constants.Security.EditorGroupKey);

        var (response, capacityIndex) = await ValidateAsync(editor, capacity);
        using var _ = response;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal($"$.values[{capacityIndex}].value", error.Name);
        Assert.Contains(error.Value.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("120")]
    [InlineData("")]
    public async Task An_Editor_May_Give_Any_Whole_Number_Of_0_Or_More_Or_None(string capacity)
    {
        using var editor = await ApiUsers.ClientInGroupAsync(site, Constants.Security.EditorGroupKey);

        var (response, _) = await ValidateAsync(editor, capacity);
        using var __ = response;

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static Task<(HttpResponseMessage Response, int CapacityIndex)> ValidateAsync(HttpClient editor, string capacity) =>
        DocumentEditing.ValidateAsync(
            editor,
            Conference2014,
            "capacity",
            int.TryParse(capacity, out var number) ? JsonValue.Create(number) : capacity.Length == 0 ? null : JsonValue.Create(capacity));
}
