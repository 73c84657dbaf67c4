using System.Globalization;
using IcssiCms.Core.Schema;
using Umbraco.Cms.Core.Services;

namespace IcssiCms.Core.Languages;

/// <summary>
/// Umbraco's check of a language's ISO code, accepting Sorani Kurdish (<c>ckb</c>, and its regions such as <c>ckb-IQ</c>).
/// Umbraco refuses cultures that .NET flags <see cref="CultureTypes.UserCustomCulture"/>, and on ICU (as on Linux)
/// .NET flags <c>ckb</c> so, although it is a real culture with its own name and right-to-left layout.
/// </summary>
public sealed class SoraniAwareIsoCodeValidator : IIsoCodeValidator
{
    private readonly IsoCodeValidator _umbraco = new();

    public bool IsValid(CultureInfo culture) =>
        _umbraco.IsValid(culture)
        || culture.Name.Equals(HubCultures.SoraniKurdish, StringComparison.OrdinalIgnoreCase)
        || culture.Parent.Name.Equals(HubCultures.SoraniKurdish, StringComparison.OrdinalIgnoreCase);
}
