using System.Text.Json.Serialization;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.PropertyEditors;
using Umbraco.Cms.Core.PropertyEditors.DeliveryApi;

namespace IcssiCms.Core.Forms;

/// <summary>
/// A form picker's value as Umbraco Forms gives it: the form's key in Razor, and <c>{ "id": "…", "form": null }</c> in
/// the Delivery API (the form's definition goes in <c>form</c> when the property is expanded, once a Forms API serves
/// definitions). A key that names no form of the hub gives no value.
/// </summary>
public sealed class FormPickerValueConverter(HubForms forms) : PropertyValueConverterBase, IDeliveryApiPropertyValueConverter
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

    public Type GetDeliveryApiPropertyValueType(IPublishedPropertyType propertyType) => typeof(FormPickerValue);

    public object? ConvertIntermediateToDeliveryApiObject(
        IPublishedElement owner, IPublishedPropertyType propertyType, PropertyCacheLevel referenceCacheLevel, object? inter, bool preview, bool expanding) =>
        inter is Guid key && forms.Get(key) is not null ? new FormPickerValue(key, null) : null;
}

/// <summary>A picked form in the Delivery API, as Umbraco Forms writes it.</summary>
public sealed record FormPickerValue(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("form")] object? Form);
