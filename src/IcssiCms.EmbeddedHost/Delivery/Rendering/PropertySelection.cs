namespace IcssiCms.EmbeddedHost.Delivery.Rendering;

/// <summary>
/// The Delivery API v2 <c>expand</c> and <c>fields</c> syntax: <c>properties[$all]</c>, <c>properties[a,b]</c>, and
/// nested <c>properties[a[properties[x,y]]]</c> for what a picked item of <c>a</c> shows in turn.
/// </summary>
public sealed class PropertySelection
{
    private const string Properties = "properties";
    private const string AllToken = "$all";

    private readonly IReadOnlyDictionary<string, PropertySelection?> _properties;

    private PropertySelection(bool all, IReadOnlyDictionary<string, PropertySelection?> properties)
    {
        IsAll = all;
        _properties = properties;
    }

    /// <summary>No property: the default of <c>expand</c>.</summary>
    public static PropertySelection None { get; } = new(false, new Dictionary<string, PropertySelection?>());

    /// <summary>Every property: the default of <c>fields</c>.</summary>
    public static PropertySelection All { get; } = new(true, new Dictionary<string, PropertySelection?>());

    public bool IsAll { get; }

    public bool Includes(string alias) => IsAll || _properties.ContainsKey(alias);

    /// <summary>What the nested syntax says for a property's picked items; null where it says nothing.</summary>
    public PropertySelection? Nested(string alias) => _properties.GetValueOrDefault(alias);

    /// <summary>Reads the syntax; a blank value gives <paramref name="whenBlank"/>.</summary>
    public static bool TryParse(string? text, PropertySelection whenBlank, out PropertySelection selection)
    {
        selection = whenBlank;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var position = 0;
        var parsed = ParseSelection(text.Replace(" ", string.Empty, StringComparison.Ordinal), ref position);
        if (parsed is null || position != text.Replace(" ", string.Empty, StringComparison.Ordinal).Length)
        {
            return false;
        }

        selection = parsed;
        return true;
    }

    private static PropertySelection? ParseSelection(string text, ref int position)
    {
        if (string.CompareOrdinal(text, position, Properties + "[", 0, Properties.Length + 1) != 0)
        {
            return null;
        }

        position += Properties.Length + 1;
        var all = false;
        var properties = new Dictionary<string, PropertySelection?>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            var start = position;
            while (position < text.Length && text[position] is not (',' or '[' or ']'))
            {
                position++;
            }

            var alias = text[start..position];
            if (alias.Length == 0 || position == text.Length)
            {
                return null;
            }

            PropertySelection? nested = null;
            if (text[position] == '[')
            {
                position++;
                nested = ParseSelection(text, ref position);
                if (nested is null || position >= text.Length || text[position] != ']')
                {
                    return null;
                }

                position++;
            }

            if (alias == AllToken)
            {
                all = true;
            }
            else
            {
                properties[alias] = nested;
            }

            if (position >= text.Length)
            {
                return null;
            }

            if (text[position] == ']')
            {
                position++;
                return new PropertySelection(all, properties);
            }

            position++;
        }
    }
}
