using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcssiCms.Core.Forms;
using IcssiCms.Web.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Web.IntegrationTests.Forms;

/// <summary>
/// Umbraco Forms cannot run here, so the hub brings its own form picker: the data type from the uSync folder, its
/// editor UI in the back office, the hub's forms listed for it, and the stored key in the Delivery API.
/// </summary>
[Collection(SeededSiteCollection.Name)]
public sealed class FormPickerTests(HubSite site)
{
    private static readonly Guid RegistrationForm = Guid.Parse("0c3e8f0a-6a35-4f0e-9d3b-2a1e5c7b9d41");
    private static readonly Guid RegistrationPage = Guid.Parse("f6ab4abc-935e-5a58-86b4-068a66d4f633");
    private static readonly Guid CampaignSignUpForm = Guid.Parse("c1ba64a9-0c59-55ff-afd6-100da39726b5");

    [Fact]
    public async Task The_Form_Picker_Data_Type_Has_The_Hubs_Editor_And_Editor_Ui()
    {
        var dataType = await site.Services.GetRequiredService<IDataTypeService>().GetAsync(Guid.Parse("f4edffd1-0579-5ff5-b205-fd1dfe9070b9"));

        Assert.NotNull(dataType);
        Assert.IsType<FormPickerPropertyEditor>(dataType.Editor);
        Assert.Equal("Forms.PropertyEditorUi.FormPicker", dataType.EditorUiAlias);
    }

    [Fact]
    public async Task An_Editor_Lists_The_Hubs_Forms_For_The_Picker()
    {
        using var editor = await ApiUsers.ClientInGroupAsync(site, Constants.Security.EditorGroupKey);

        var forms = await editor.GetFromJsonAsync<List<FormSummary>>("/umbraco/management/api/v1/icssi/forms");

        Assert.Equal(
            [(CampaignSignUpForm, "Campaign sign-up"), (RegistrationForm, "ICSSI Conference 2014 registration")],
            forms!.Select(f => (f.Id, f.Name)).OrderBy(f => f.Name));
    }

    [Fact]
    public async Task The_Forms_Are_Not_Listed_Without_Signing_In()
    {
        using var anonymous = site.CreateClient();

        using var response = await anonymous.GetAsync("/umbraco/management/api/v1/icssi/forms");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_Back_Office_Loads_The_Picker_From_The_Hubs_Package()
    {
        using var editor = await ApiUsers.ClientInGroupAsync(site, Constants.Security.EditorGroupKey);

        var manifests = await editor.GetFromJsonAsync<JsonElement>("/umbraco/management/api/v1/manifest/manifest/private");
        var ui = manifests.EnumerateArray()
            .SelectMany(m => m.GetProperty("extensions").EnumerateArray())
            .Single(e => e.GetProperty("alias").GetString() == "Forms.PropertyEditorUi.FormPicker");
        var element = ui.GetProperty("element").GetString()!;
        using var script = await editor.GetAsync(element);

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("customElements.define", await script.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_Editor_Is_Refused_A_Form_That_Is_Not_One_Of_The_Hubs_With_The_Message_Beside_The_Picker()
    {
        using var editor = await ApiUsers.ClientInGroupAsync(site, Constants.Security.EditorGroupKey);

        var (response, index) = await DocumentEditing.ValidateAsync(editor, RegistrationPage, "form", JsonValue.Create(Guid.NewGuid().ToString("D")));
        using var _ = response;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal($"$.values[{index}].value", error.Name);
        Assert.Contains("Pick a form from the list.", error.Value.EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task An_Editor_May_Pick_Another_Of_The_Hubs_Forms()
    {
        using var editor = await ApiUsers.ClientInGroupAsync(site, Constants.Security.EditorGroupKey);

        var (response, _) = await DocumentEditing.ValidateAsync(editor, RegistrationPage, "form", JsonValue.Create(CampaignSignUpForm.ToString("D")));
        using var __ = response;

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task The_Delivery_Api_Gives_The_Picked_Forms_Id()
    {
        using var http = site.CreateClient();

        var page = await http.GetFromJsonAsync<JsonElement>("/umbraco/delivery/api/v2/content/item/conferences/icssi-conference-2014/register/");

        var form = page.GetProperty("properties").GetProperty("form");
        Assert.Equal(RegistrationForm, form.GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("ar")]
    public async Task Expanded_The_Picked_Form_Comes_With_Its_Definition_In_The_Requests_Language(string culture)
    {
        using var http = site.CreateClient();
        http.DefaultRequestHeaders.Add("Accept-Language", culture);

        var page = await http.GetFromJsonAsync<JsonElement>($"/umbraco/delivery/api/v2/content/item/{RegistrationPage:D}?expand=properties[form]");

        var form = page.GetProperty("properties").GetProperty("form");
        Assert.Equal(RegistrationForm, form.GetProperty("id").GetGuid());
        var definition = form.GetProperty("form");
        Assert.Equal(RegistrationForm, definition.GetProperty("id").GetGuid());
        Assert.Equal(HubDictionary.Text("Forms.RegisterMessage", culture), definition.GetProperty("messageOnSubmit").GetString());
        Assert.NotEmpty(definition.GetProperty("pages").EnumerateArray());
    }
}
