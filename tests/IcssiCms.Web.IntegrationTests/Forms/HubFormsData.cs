using System.Text.RegularExpressions;
using System.Xml.Linq;
using IcssiCms.Web.IntegrationTests.Delivery;
using IcssiCms.Web.IntegrationTests.Hosting;

namespace IcssiCms.Web.IntegrationTests.Forms;

/// <summary>The hub's two forms and the seed content their choice fields point at.</summary>
public static class HubFormKeys
{
    public static readonly Guid Registration = Guid.Parse("0c3e8f0a-6a35-4f0e-9d3b-2a1e5c7b9d41");
    public static readonly Guid CampaignSignUp = Guid.Parse("c1ba64a9-0c59-55ff-afd6-100da39726b5");

    public static Guid SocialEvent => SeedContent.Hub.Named("Social Event").Key;

    public static Guid Conference => SeedContent.Hub.Named("ICSSI Conference 2014").Key;

    public static Guid IraqSession => SeedContent.Hub.Named("Hope for Peace and Development in Iraq: Meet the Iraqi Social Forum").Key;

    public static Guid SaveTheTigris => SeedContent.Hub.Named("Save the Tigris").Key;
}

/// <summary>The hub's dictionary, read straight from the uSync files the site imports.</summary>
public static partial class HubDictionary
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> Items = new(() =>
        Directory.EnumerateFiles(Path.Combine(HubSite.RepositoryUsyncFolder, "Dictionary"), "*.config")
            .Select(XDocument.Load)
            .ToDictionary(
                d => d.Root!.Attribute("Alias")!.Value,
                d => (IReadOnlyDictionary<string, string>)d.Root!.Descendants("Translation").ToDictionary(t => t.Attribute("Language")!.Value, t => t.Value),
                StringComparer.OrdinalIgnoreCase));

    public static string Text(string key, string culture) => Items.Value[key][culture];

    /// <summary>Forms fills <c>{0}</c> of a message template with the field's caption.</summary>
    public static string Message(string templateKey, string captionKey, string culture) =>
        Text(templateKey, culture).Replace("{0}", Text(captionKey, culture), StringComparison.Ordinal);

    public static bool IsArabicScript(string text) => ArabicLetters().IsMatch(text);

    [GeneratedRegex(@"[\u0600-\u06FF]{3}")]
    private static partial Regex ArabicLetters();
}
