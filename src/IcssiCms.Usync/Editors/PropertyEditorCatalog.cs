using System.Reflection;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;

namespace IcssiCms.Usync.Editors;

/// <summary>What a stored value of an editor looks like, so that import can check it.</summary>
public enum EditorValueKind
{
    Text,
    Integer,
    Decimal,
    Date,
    Boolean,
    DocumentReferences,
    StringArray,
    DropdownItems,
    FormKey,
    Json,
}

/// <summary>A property editor the store knows: how Umbraco stores its values and what they look like.</summary>
public sealed record PropertyEditorInfo(string Alias, ValueStorageType Storage, EditorValueKind ValueKind);

/// <summary>
/// The property editors a uSync set may use: every alias in Umbraco's <see cref="Constants.PropertyEditors.Aliases"/>,
/// plus the package editors this hub uses. An alias outside the catalogue is an unknown editor, and refused,
/// because Umbraco would have no editor to load the data type with.
/// </summary>
public static class PropertyEditorCatalog
{
    /// <summary>Umbraco Forms' form picker (package Umbraco.Forms).</summary>
    public const string FormPicker = "UmbracoForms.FormPicker";

    private static readonly Dictionary<string, PropertyEditorInfo> Editors = Build();

    public static bool IsKnown(string editorAlias) => Editors.ContainsKey(editorAlias);

    public static PropertyEditorInfo? Find(string editorAlias) => Editors.GetValueOrDefault(editorAlias);

    public static PropertyEditorInfo Get(string editorAlias) =>
        Find(editorAlias) ?? throw new KeyNotFoundException($"Unknown property editor '{editorAlias}'.");

    private static Dictionary<string, PropertyEditorInfo> Build()
    {
        var editors = typeof(Constants.PropertyEditors.Aliases)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.GetCustomAttribute<ObsoleteAttribute>() is null)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct()
            .ToDictionary(alias => alias, alias => new PropertyEditorInfo(alias, ValueStorageType.Ntext, EditorValueKind.Json), StringComparer.Ordinal);

        void Set(string alias, ValueStorageType storage, EditorValueKind kind) => editors[alias] = new(alias, storage, kind);

        Set(Constants.PropertyEditors.Aliases.TextBox, ValueStorageType.Nvarchar, EditorValueKind.Text);
        Set(Constants.PropertyEditors.Aliases.TextArea, ValueStorageType.Ntext, EditorValueKind.Text);
        Set(Constants.PropertyEditors.Aliases.RichText, ValueStorageType.Ntext, EditorValueKind.Json);
        Set(Constants.PropertyEditors.Aliases.DateTime, ValueStorageType.Date, EditorValueKind.Date);
        Set(Constants.PropertyEditors.Aliases.Integer, ValueStorageType.Integer, EditorValueKind.Integer);
        Set(Constants.PropertyEditors.Aliases.Decimal, ValueStorageType.Decimal, EditorValueKind.Decimal);
        Set(Constants.PropertyEditors.Aliases.Boolean, ValueStorageType.Integer, EditorValueKind.Boolean);
        Set(Constants.PropertyEditors.Aliases.ContentPicker, ValueStorageType.Nvarchar, EditorValueKind.DocumentReferences);
        Set(Constants.PropertyEditors.Aliases.MultiNodeTreePicker, ValueStorageType.Ntext, EditorValueKind.DocumentReferences);
        Set(Constants.PropertyEditors.Aliases.Tags, ValueStorageType.Ntext, EditorValueKind.StringArray);
        Set(Constants.PropertyEditors.Aliases.DropDownListFlexible, ValueStorageType.Nvarchar, EditorValueKind.DropdownItems);
        Set(Constants.PropertyEditors.Aliases.MultipleTextstring, ValueStorageType.Ntext, EditorValueKind.Text);
        Set(Constants.PropertyEditors.Aliases.EmailAddress, ValueStorageType.Nvarchar, EditorValueKind.Text);
        Set(FormPicker, ValueStorageType.Nvarchar, EditorValueKind.FormKey);
        return editors;
    }
}
