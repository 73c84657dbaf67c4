using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using IcssiCms.Usync.Model;
using Umbraco.Cms.Core.Models;

namespace IcssiCms.Usync.Serializers;

/// <summary>
/// Reads the values of one uSync file's elements and records a problem, with the line, for each one that is
/// missing or malformed, so that a file reports every problem it has, not just the first.
/// </summary>
internal sealed class ElementReader(string file, List<UsyncProblem> problems)
{
    public string File { get; } = file;

    public static int LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    public SourceLocation At(XObject node) => new(File, LineOf(node));

    public void Problem(XObject node, string message) => problems.Add(new UsyncProblem(At(node), message));

    /// <summary>A problem at a line that no XML node stands for, such as a line inside JSON that an element holds.</summary>
    public void Problem(int line, string message) => problems.Add(new UsyncProblem(new SourceLocation(File, line), message));

    public XElement? Required(XElement parent, string name)
    {
        var element = parent.Element(name);
        if (element is null)
        {
            Problem(parent, $"<{parent.Name.LocalName}> has no <{name}> element.");
        }

        return element;
    }

    public string RequiredText(XElement parent, string name)
    {
        var element = Required(parent, name);
        if (element is null)
        {
            return string.Empty;
        }

        if (string.IsNullOrWhiteSpace(element.Value))
        {
            Problem(element, $"<{name}> is empty.");
        }

        return element.Value.Trim();
    }

    public string? OptionalText(XElement parent, string name)
    {
        var value = parent.Element(name)?.Value;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public string RequiredAttribute(XElement element, string name)
    {
        var value = element.Attribute(name)?.Value;
        if (string.IsNullOrWhiteSpace(value))
        {
            Problem(element, $"<{element.Name.LocalName}> has no {name} attribute.");
            return string.Empty;
        }

        return value;
    }

    public Guid Key(XElement element, string attribute = "Key", bool allowEmpty = false)
    {
        var text = element.Attribute(attribute)?.Value;
        return ParseKey(element, text, $"{attribute} attribute", allowEmpty);
    }

    public Guid KeyText(XElement parent, string name)
    {
        var element = Required(parent, name);
        return element is null ? Guid.Empty : ParseKey(element, element.Value, $"<{name}>", allowEmpty: false);
    }

    private Guid ParseKey(XElement element, string? text, string what, bool allowEmpty)
    {
        if (!Guid.TryParse(text, out var key))
        {
            Problem(element, $"{what} '{text}' is not a GUID.");
            return Guid.Empty;
        }

        if (key == Guid.Empty && !allowEmpty)
        {
            Problem(element, $"{what} is the empty GUID.");
        }

        return key;
    }

    public int Level(XElement root)
    {
        var text = root.Attribute("Level")?.Value;
        if (text is null)
        {
            return 0;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) || level < 0)
        {
            Problem(root, $"Level '{text}' is not a whole number of 0 or more.");
        }

        return level;
    }

    public bool Bool(XElement parent, string name, bool required = true)
    {
        var element = required ? Required(parent, name) : parent.Element(name);
        if (element is null)
        {
            return false;
        }

        if (!bool.TryParse(element.Value.Trim(), out var value))
        {
            Problem(element, $"<{name}> '{element.Value}' is not true or false.");
        }

        return value;
    }

    public bool BoolAttribute(XElement element, string name)
    {
        var text = element.Attribute(name)?.Value;
        if (text is null)
        {
            return false;
        }

        if (!bool.TryParse(text, out var value))
        {
            Problem(element, $"{name} '{text}' is not true or false.");
        }

        return value;
    }

    public int Int(XElement parent, string name, bool required = true)
    {
        var element = required ? Required(parent, name) : parent.Element(name);
        if (element is null || (!required && string.IsNullOrWhiteSpace(element.Value)))
        {
            return 0;
        }

        if (!int.TryParse(element.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Problem(element, $"<{name}> '{element.Value}' is not a whole number.");
        }

        return value;
    }

    public int IntAttribute(XElement element, string name)
    {
        var text = element.Attribute(name)?.Value;
        if (text is null)
        {
            return 0;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Problem(element, $"{name} '{text}' is not a whole number.");
        }

        return value;
    }

    public ContentVariation Variations(XElement parent, string name = "Variations")
    {
        var element = Required(parent, name);
        if (element is null)
        {
            return ContentVariation.Nothing;
        }

        if (!Enum.TryParse<ContentVariation>(element.Value.Trim(), ignoreCase: false, out var variation)
            || !Enum.IsDefined(variation))
        {
            Problem(element, $"<{name}> '{element.Value}' is not one of Nothing, Culture, Segment, CultureAndSegment.");
        }

        return variation;
    }

    public DateTime Date(XElement parent, string name)
    {
        var element = Required(parent, name);
        if (element is null)
        {
            return default;
        }

        if (!DateTime.TryParse(element.Value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value))
        {
            Problem(element, $"<{name}> '{element.Value}' is not a date.");
        }

        return value;
    }
}
