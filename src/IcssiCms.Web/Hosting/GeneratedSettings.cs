using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace IcssiCms.Web.Hosting;

/// <summary>
/// Settings the site makes for itself on its first run and keeps beside its database, in the git-ignored
/// <c>umbraco/Data/generated.appsettings.json</c>: the imaging HMAC key and the telemetry site id. Umbraco writes both
/// into <c>appsettings.json</c> when they are missing; given here, it never touches a tracked file. Any other source
/// (appsettings, environment, command line) overrides them, and Umbraco's own config writer, which picks the first
/// JSON file, would write here too.
/// </summary>
internal static class GeneratedSettings
{
    public const string FileName = "generated.appsettings.json";

    public static void AddGeneratedSettings(this WebApplicationBuilder builder)
    {
        var dataFolder = SiteFolders.Data(builder.Environment);
        var path = Path.Combine(dataFolder, FileName);
        if (!File.Exists(path))
        {
            var settings = new JsonObject
            {
                ["Umbraco"] = new JsonObject
                {
                    ["CMS"] = new JsonObject
                    {
                        ["Imaging"] = new JsonObject { ["HMACSecretKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)) },
                        ["Global"] = new JsonObject { ["Id"] = Guid.NewGuid().ToString() },
                    },
                },
            };
            File.WriteAllText(path, settings.ToJsonString(new() { WriteIndented = true }));
        }

        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(dataFolder),
            Path = FileName,
            Optional = false,
            ReloadOnChange = false,
        });
    }
}
