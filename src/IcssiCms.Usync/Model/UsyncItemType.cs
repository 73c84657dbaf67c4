namespace IcssiCms.Usync.Model;

/// <summary>The item types this importer handles, in uSync's handler priority order.</summary>
public enum UsyncItemType
{
    Language = 1005,
    DataType = 1010,
    ContentType = 1030,
    Content = 1210,
}
