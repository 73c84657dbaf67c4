namespace IcssiCms.Core.Schema;

/// <summary>The hub's languages, as <c>uSync/v17/Languages</c> defines them.</summary>
public static class HubCultures
{
    /// <summary>English (United States), the default language.</summary>
    public const string English = "en-US";

    /// <summary>Arabic, written right to left.</summary>
    public const string Arabic = "ar";

    /// <summary>Sorani (Central) Kurdish: ISO 639-3 <c>ckb</c>, which .NET with ICU names "Central Kurdish", right to left.</summary>
    public const string SoraniKurdish = "ckb";

    public static IReadOnlyList<string> All { get; } = [English, Arabic, SoraniKurdish];
}
