using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace IcssiCms.Benchmarks;

/// <summary>
/// A copy of the repository's uSync folder with a given number of generated campaign news items spread over the
/// six campaigns, written as uSync 17 writes content files.
/// </summary>
public static class GeneratedHub
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Create(int newsItems)
    {
        var target = Path.Combine(Path.GetTempPath(), "icssi-bench", Guid.NewGuid().ToString("N"), "uSync");
        var source = Path.Combine(RepositoryRoot, "uSync", "v17");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var campaigns = Directory.EnumerateFiles(Path.Combine(target, "Content"), "*.config")
            .Select(XDocument.Load)
            .Select(d => d.Root!)
            .Where(r => r.Element("Info")?.Element("ContentType")?.Value == "campaign")
            .Select(r => (Key: Guid.Parse(r.Attribute("Key")!.Value), Name: r.Attribute("Alias")!.Value, Level: int.Parse(r.Attribute("Level")!.Value, CultureInfo.InvariantCulture)))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

        var start = new DateTime(2014, 1, 1, 9, 0, 0, DateTimeKind.Unspecified);
        for (var i = 0; i < newsItems; i++)
        {
            var campaign = campaigns[i % campaigns.Count];
            var key = DeterministicKey(i);
            var name = $"News {i:D5} of {campaign.Name}";
            var file = Path.Combine(target, "Content", $"news-{i:D5}.config");
            File.WriteAllText(file, NewsFile(key, name, campaign, start.AddHours(i), i / campaigns.Count), Utf8WithBom);
        }

        return target;
    }

    /// <summary>Adds a text property to a document type's file: the kind of change a developer plans and applies.</summary>
    public static void AddProperty(string usync, string contentTypeAlias, string alias, string name)
    {
        var file = Directory.EnumerateFiles(Path.Combine(usync, "ContentTypes"), "*.config")
            .First(f => XDocument.Load(f).Root!.Attribute("Alias")?.Value == contentTypeAlias);
        var document = XDocument.Load(file);
        var properties = document.Root!.Element("GenericProperties")!;
        var text = properties.Elements("GenericProperty").First(p => p.Element("Type")?.Value == "Umbraco.TextBox");
        var added = new XElement(text);
        added.Element("Key")!.Value = "5f0c5a6e-3c1d-4e7a-9b2f-0a1b2c3d4e5f";
        added.Element("Alias")!.Value = alias;
        added.Element("Name")!.Value = name;
        added.Element("SortOrder")!.Value = "99";
        properties.Add(added);
        using var writer = new StreamWriter(file, append: false, Utf8WithBom);
        document.Save(writer);
    }

    private static string NewsFile(Guid key, string name, (Guid Key, string Name, int Level) campaign, DateTime published, int sortOrder)
    {
        var level = campaign.Level + 1;
        var pick = $"umb://document/{campaign.Key:N}";
        return $$"""
            <?xml version="1.0" encoding="utf-8"?>
            <Content Key="{{key}}" Alias="{{name}}" Level="{{level}}">
              <Info>
                <Parent Key="{{campaign.Key}}">{{campaign.Name}}</Parent>
                <Path>/IraqiCivilSocietySolidarityInitiative/Campaigns/{{campaign.Name.Replace(" ", "")}}/{{name.Replace(" ", "")}}</Path>
                <Trashed>false</Trashed>
                <ContentType>campaignNews</ContentType>
                <CreateDate>2026-11-26T00:00:00</CreateDate>
                <NodeName Default="{{name}}">
                  <Name Culture="ar">خبر {{sortOrder}}</Name>
                  <Name Culture="en-US">{{name}}</Name>
                </NodeName>
                <SortOrder>{{sortOrder}}</SortOrder>
                <Published Default="true">
                  <Published Culture="ar">true</Published>
                  <Published Culture="en-US">true</Published>
                </Published>
                <Schedule />
                <Template />
              </Info>
              <Properties>
                <body>
                  <Value Culture="ar"><![CDATA[{"markup":"<p>نص الخبر رقم {{sortOrder}}.</p>","blocks":null}]]></Value>
                  <Value Culture="en-US"><![CDATA[{"markup":"<p>Body of {{name}}.</p>","blocks":null}]]></Value>
                </body>
                <campaigns>
                  <Value><![CDATA[{{pick}}]]></Value>
                </campaigns>
                <headline>
                  <Value Culture="ar"><![CDATA[خبر {{sortOrder}}]]></Value>
                  <Value Culture="en-US"><![CDATA[{{name}}]]></Value>
                </headline>
                <publishDate>
                  <Value><![CDATA[{{published:yyyy-MM-ddTHH:mm:ss}}]]></Value>
                </publishDate>
                <tags>
                  <Value><![CDATA[["benchmark","{{campaign.Name}}"]]]></Value>
                </tags>
              </Properties>
            </Content>
            """;
    }

    private static Guid DeterministicKey(int i) => new($"{i:D8}-0000-4000-8000-00000000be7c");

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IcssiCms.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("IcssiCms.sln not found above the benchmark's folder.");
    }
}
