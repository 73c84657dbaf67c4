using System.ComponentModel.DataAnnotations;
using IcssiCms.Core.Usync.Importing;
using Umbraco.Cms.Core.IO;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.Validation;
using Umbraco.Cms.Core.PropertyEditors;
using Umbraco.Cms.Core.Serialization;
using Umbraco.Cms.Core.Strings;

namespace IcssiCms.Core.Forms;

/// <summary>
/// Umbraco Forms' form picker, by its alias: a property that picks one of the hub's forms and stores the form's key,
/// as Umbraco Forms stores it, so that the hub's uSync files and content read the same with or without Umbraco Forms.
/// </summary>
[DataEditor(EditorAlias, ValueType = ValueTypes.String, ValueEditorIsReusable = true)]
public sealed class FormPickerPropertyEditor(IDataValueEditorFactory dataValueEditorFactory) : DataEditor(dataValueEditorFactory)
{
    public const string EditorAlias = "UmbracoForms.FormPicker";

    /// <summary>The back office's editor for it, as Umbraco Forms names its own.</summary>
    public const string EditorUiAlias = "Forms.PropertyEditorUi.FormPicker";

    protected override IDataValueEditor CreateValueEditor() => DataValueEditorFactory.Create<FormPickerValueEditor>(Attribute!);
}

/// <summary>The picker's value: none, or the key of one of the hub's forms.</summary>
public sealed class FormPickerValueEditor : DataValueEditor
{
    public FormPickerValueEditor(IShortStringHelper shortStrings, IJsonSerializer json, IIOHelper io, DataEditorAttribute attribute, HubForms forms)
        : base(shortStrings, json, io, attribute) =>
        Validators.Add(new KnownFormValidator(forms));

    private sealed class KnownFormValidator(HubForms forms) : IValueValidator
    {
        public const string Message = "Pick a form from the list.";

        public IEnumerable<ValidationResult> Validate(object? value, string? valueType, object? dataTypeConfiguration, PropertyValidationContext validationContext)
        {
            // An import writes content before forms, as uSync.Forms does, and has checked its folder's form keys already.
            var text = value?.ToString();
            if (UsyncImporter.IsImporting || string.IsNullOrWhiteSpace(text) || (Guid.TryParse(text, out var key) && forms.Get(key) is not null))
            {
                return [];
            }

            return [new ValidationResult(Message, ["value"])];
        }
    }
}
