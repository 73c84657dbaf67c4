namespace IcssiCms.Web.Hosting;

/// <summary>Where the site keeps its data: <c>umbraco/Data</c> under the content root, Umbraco's <c>|DataDirectory|</c>.</summary>
internal static class SiteFolders
{
    /// <summary>
    /// The data folder, created if need be: Umbraco creates the SQLite file but not its folder, and retries a missing
    /// folder for five seconds before it installs.
    /// </summary>
    public static string Data(IWebHostEnvironment environment) =>
        Directory.CreateDirectory(Path.Combine(environment.ContentRootPath, "umbraco", "Data")).FullName;
}
