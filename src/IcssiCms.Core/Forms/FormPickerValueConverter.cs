using System.Text.Json.Serialization;
using IcssiCms.Core.Forms.Delivery;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.PropertyEditors;
using Umbraco.Cms.Core.PropertyEditors.DeliveryApi;

namespace IcssiCms.Core.Forms;

/// <summary>
/// A form picker's value as Umbraco Forms gives it: the form's key in Razor, and <c>{ "id": "…", "form": null }</c> in
/// the Delivery API, with the form's definition in <c>form</c> (as the Forms API gives it, in the request's language)
/// when the property is expanded. A key that names no form of the hub gives no value.
/// </summary>
public sealed class FormPickerValueConverter(HubForms forms, FormDefinitions definitions, IVariationContextAccessor variation)
    : PropertyValueConverterBase, IDeliveryApiPropertyValueConverter
{
    public override bool IsConverter(IPublishedPropertyType propertyType) => propertyType.EditorAlias == FormPickerPropertyEditor.EditorAlias;

    public override Type GetPropertyValueType(IPublishedPropertyType propertyType) => typeof(Guid?);

    public override PropertyCacheLevel GetPropertyCacheLevel(IPublishedPropertyType propertyType) => PropertyCacheLevel.Element;

    public override object? ConvertSourceToIntermediate(IPublishedElement owner, IPublishedPropertyType propertyType, object? source, bool preview) =>
        Guid.TryParse(source?.ToString(), out var key) ? key : null;

    public override object? ConvertIntermediateToObject(
        IPublishedElement owner, IPublishedPropertyType propertyType, PropertyCacheLevel referenceCacheLevel, object? inter, bool preview) =>
        inter is Guid key && forms.Get(key) is not null ? key : null;

    public PropertyCacheLevel GetDeliveryApiPropertyCacheLevel(IPublishedPropertyType propertyType) => PropertyCacheLevel.Element;

    /// <summary>Not cached with the item: the definition depends on the request's language, the forms and the dictionary.</summary>
    public PropertyCacheLevel GetDeliveryApiPropertyCacheLevelForExpansion(IPublishedPropertyType propertyType) => PropertyCacheLevel.None;

    public Type GetDeliveryApiPropertyValueType(IPublishedPropertyType propertyType) => typeof(FormPickerValue);

    public object? ConvertIntermediateToDeliveryApiObject(
        IPublishedElement owner, IPublishedPropertyType propertyType, PropertyCacheLevel referenceCacheLevel, object? inter, bool preview, bool expanding)
    {
        if (inter is not Guid key)
        {
            return null;
        }

        if (!expanding)
        {
            return forms.Get(key) is not null ? new FormPickerValue(key, null) : null;
        }

        // Umbraco's value converters are synchronous; the definition's reads are Umbraco's cached languages and
        // dictionary, and one row of the plugin's table.
        var localized = definitions.FindAsync(key, variation.VariationContext?.Culture).GetAwaiter().GetResult();
        return localized is null ? null : new FormPickerValue(key, definitions.DefineAsync(localized).GetAwaiter().GetResult());
    }
}

/// <summary>A picked form in the Delivery API, as Umbraco Forms writes it.</summary>
public sealed record FormPickerValue(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("form")] object? Form);
