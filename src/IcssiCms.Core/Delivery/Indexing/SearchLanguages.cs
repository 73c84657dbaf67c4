using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Ckb;
using Lucene.Net.Util;

namespace IcssiCms.Core.Delivery.Indexing;

/// <summary>
/// The languages whose words are searched with their own analysis, each in its own field of the Delivery API index
/// (Lucene picks an analyzer by field, not by the document's culture). Arabic gets <see cref="ArabicAnalyzer"/>, which
/// normalises hamza forms of alef, teh marbuta and diacritics and strips common prefixes and suffixes, so that "انقاذ"
/// finds "إنقاذ"; Sorani Kurdish gets <see cref="SoraniAnalyzer"/>. Every other culture is searched in
/// <see cref="SearchTextIndexer.FieldName"/>, with the index's standard analyzer.
/// </summary>
public static class SearchLanguages
{
    private static readonly IReadOnlyDictionary<string, Analyzer> Analyzers = new Dictionary<string, Analyzer>(StringComparer.OrdinalIgnoreCase)
    {
        ["ar"] = new ArabicAnalyzer(LuceneVersion.LUCENE_48),
        ["ckb"] = new SoraniAnalyzer(LuceneVersion.LUCENE_48),
    };

    /// <summary>The languages with their own field, and the analyzer of each.</summary>
    public static IEnumerable<(string Language, string FieldName, Analyzer Analyzer)> All =>
        Analyzers.Select(a => (a.Key, FieldNameOf(a.Key), a.Value));

    /// <summary>The field a culture's words are in: <c>searchText_ar</c> for <c>ar</c> and <c>ar-IQ</c>; <see cref="SearchTextIndexer.FieldName"/> otherwise.</summary>
    public static string FieldFor(string? culture) =>
        LanguageOf(culture) is { } language && Analyzers.ContainsKey(language) ? FieldNameOf(language) : SearchTextIndexer.FieldName;

    private static string FieldNameOf(string language) => $"{SearchTextIndexer.FieldName}_{language.ToLowerInvariant()}";

    private static string? LanguageOf(string? culture) => string.IsNullOrEmpty(culture) ? null : culture.Split('-')[0];
}
