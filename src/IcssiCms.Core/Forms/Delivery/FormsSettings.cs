namespace IcssiCms.Core.Forms.Delivery;

/// <summary>Umbraco Forms' <c>Umbraco:Forms:Options</c>: the delivery API is off unless enabled, as in Forms.</summary>
public sealed class FormsOptions
{
    public const string SectionName = "Umbraco:Forms:Options";

    public bool EnableFormsApi { get; set; }
}

/// <summary>
/// Umbraco Forms' <c>Umbraco:Forms:Security</c>: browsers send an antiforgery token; servers send the
/// <c>Api-Key</c> header with <see cref="FormsApiKey"/>.
/// </summary>
public sealed class FormsSecurityOptions
{
    public const string SectionName = "Umbraco:Forms:Security";

    public bool EnableAntiForgeryTokenForFormsApi { get; set; } = true;

    public string FormsApiKey { get; set; } = string.Empty;
}
