using IcssiCms.Usync.Model;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Cms.Core.PublishedCache;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Core.Forms.Delivery;

/// <summary>A hub form in one of the site's languages, with the translator of its texts in that language.</summary>
public sealed record LocalizedForm(UsyncForm Form, string Culture, FormTranslator Texts);

/// <summary>
/// The hub's forms as Umbraco Forms' delivery API gives them: in one of the site's languages (the default one where
/// none or an unknown one is asked for), texts from Umbraco's dictionary, and the page to go to on submit routed as the
/// Delivery API routes it.
/// </summary>
public sealed class FormDefinitions(
    HubForms forms,
    FormTexts texts,
    ILanguageService languages,
    IPublishedContentCache content,
    IApiContentRouteBuilder routes)
{
    public async Task<LocalizedForm?> FindAsync(Guid key, string? culture)
    {
        if (forms.Get(key) is not { } form)
        {
            return null;
        }

        var all = await languages.GetAllAsync();
        var defaultCulture = all.FirstOrDefault(l => l.IsDefault)?.IsoCode ?? all.First().IsoCode;
        var resolved = all.FirstOrDefault(l => string.Equals(l.IsoCode, culture, StringComparison.OrdinalIgnoreCase))?.IsoCode ?? defaultCulture;
        var dictionary = await texts.GetAsync();
        return new LocalizedForm(form, resolved, new FormTranslator(dictionary.GetValueOrDefault, resolved, defaultCulture));
    }

    public async Task<FormDefinitionResponse> DefineAsync(LocalizedForm localized) =>
        FormDefinitionBuilder.Build(localized.Form, localized.Texts, await RouteAsync(localized.Form.Settings.GoToPageOnSubmit, localized.Culture));

    private async Task<FormRouteResponse?> RouteAsync(Guid? page, string culture)
    {
        if (page is null || await content.GetByIdAsync(page.Value) is not { } item || routes.Build(item, culture) is not { } route)
        {
            return null;
        }

        return new FormRouteResponse(route.Path, new FormStartItemResponse(route.StartItem.Id, route.StartItem.Path));
    }
}
