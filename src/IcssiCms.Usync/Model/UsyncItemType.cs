namespace IcssiCms.Usync.Model;

/// <summary>The item types this importer handles, in uSync's handler priority order.</summary>
public enum UsyncItemType
{
    Language = 1005,
    Dictionary = 1006,
    DataType = 1010,
    ContentType = 1030,
    Content = 1210,

    /// <summary>Umbraco Forms forms (uSync.Forms' formsHandler, which runs after every core handler).</summary>
    Form = 2010,
}
