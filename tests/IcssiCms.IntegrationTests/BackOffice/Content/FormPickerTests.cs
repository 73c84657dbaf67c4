using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using IcssiCms.Store.Storage;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.IntegrationTests.BackOffice.Content;

[Collection(ContentEditingCollection.Name)]
public sealed class FormPickerTests(ContentEditingHost host)
{
    /// <summary>The conference's registration page, whose <c>form</c> property (Umbraco Forms' picker) holds the registration form.</summary>
    private static readonly Guid RegisterPage = Guid.Parse("f6ab4abc-935e-5a58-86b4-068a66d4f633");

    private static readonly Guid RegistrationForm = Guid.Parse("0c3e8f0a-6a35-4f0e-9d3b-2a1e5c7b9d41");
    private static readonly Guid CampaignSignUpForm = Guid.Parse("c1ba64a9-0c59-55ff-afd6-100da39726b5");

    private const string FormAlias = "form";

    [Fact]
    public async Task A_Form_Picker_Is_A_Select_Of_The_Stores_Forms_With_The_Picked_One_Selected_And_Saves_The_Forms_Key()
    {
        using var client = await host.SignedInClientAsync();
        var edit = await EditForm.GetAsync(client, RegisterPage);
        var select = new HtmlParser().ParseDocument(edit.Html).QuerySelector($"select[name='{EditForm.Value(FormAlias)}']") as IHtmlSelectElement;

        Assert.NotNull(select);
        Assert.Equal(
            ["", CampaignSignUpForm.ToString("D"), RegistrationForm.ToString("D")],
            select.Options.Select(o => o.Value).ToArray());
        Assert.Equal(["(none)", "Campaign sign-up", "ICSSI Conference 2014 registration"], select.Options.Select(o => o.Text.Trim()).ToArray());
        Assert.Equal(RegistrationForm.ToString("D"), select.Options.Single(o => o.IsSelected).Value);

        var save = await edit.Set(EditForm.Value(FormAlias), CampaignSignUpForm.ToString("D")).PostAsync(client, RegisterPage, "Save");
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(CampaignSignUpForm.ToString("D"), await DraftAsync());

        var unknown = await (await EditForm.GetAsync(client, RegisterPage)).Set(EditForm.Value(FormAlias), Guid.NewGuid().ToString("D")).PostAsync(client, RegisterPage, "Save");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("Pick a form from the list.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(CampaignSignUpForm.ToString("D"), await DraftAsync());

        var back = await (await EditForm.GetAsync(client, RegisterPage)).Set(EditForm.Value(FormAlias), RegistrationForm.ToString("D")).PostAsync(client, RegisterPage, "Save");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(RegistrationForm.ToString("D"), await DraftAsync());
    }

    private Task<string?> DraftAsync() =>
        host.WithStoreAsync(db => db.PropertyValues.AsNoTracking().Where(v => v.NodeKey == RegisterPage && v.Alias == FormAlias && v.Culture == "").Select(v => v.Value).SingleAsync());
}
