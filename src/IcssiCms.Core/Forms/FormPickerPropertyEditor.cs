using Umbraco.Cms.Core.PropertyEditors;

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
}
