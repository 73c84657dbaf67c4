using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Ckb;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace IcssiCms.Search.Indexing;

/// <summary>
/// Which analyzer reads the text of a culture, on both the indexing and the querying side. Arabic ("ar", "ar-*")
/// gets <see cref="ArabicAnalyzer"/>, which normalises (hamza forms of alef, teh marbuta, diacritics) and strips
/// common prefixes and suffixes, so "انقاذ" finds "إنقاذ". Sorani Kurdish ("ckb", "ckb-*") gets Lucene's
/// <see cref="SoraniAnalyzer"/> (normalisation of Arabic-script Kurdish letters, stemming). Everything else,
/// invariant text included, gets <see cref="StandardAnalyzer"/>. Analyzers are safe to share between threads.
/// </summary>
internal sealed class CultureAnalyzers : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly Analyzer _arabic = new ArabicAnalyzer(Version);
    private readonly Analyzer _sorani = new SoraniAnalyzer(Version);

    public Analyzer Standard { get; } = new StandardAnalyzer(Version);

    public Analyzer For(string? culture) => Language(culture) switch
    {
        "ar" => _arabic,
        "ckb" => _sorani,
        _ => Standard,
    };

    public void Dispose()
    {
        _arabic.Dispose();
        _sorani.Dispose();
        Standard.Dispose();
    }

    private static string? Language(string? culture) => culture?.Split('-')[0].ToLowerInvariant();
}
