namespace IcssiCms.VisitorSite.Forms;

/// <summary>Reads a posted HTML form into a Forms API entry: the values of the definition's fields, by alias, and nothing else.</summary>
public static class FormEntryReader
{
    /// <summary>The name of the field people cannot see (CSS hides it); bots fill it in. Passed on to the hub as its honeypot.</summary>
    public const string HoneypotName = "website";

    public const string FormTokenName = "formToken";

    public static Dictionary<string, IReadOnlyList<string>> Values(FormDefinition definition, IFormCollection posted)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in definition.Fields)
        {
            var entered = posted[field.Alias].Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value!.Trim()).ToList();
            if (entered.Count > 0)
            {
                values[field.Alias] = entered;
            }
        }

        return values;
    }

    public static Dictionary<string, string> AdditionalData(IFormCollection posted)
    {
        var data = new Dictionary<string, string>();
        if (posted[FormTokenName].ToString() is { Length: > 0 } token)
        {
            data["formToken"] = token;
        }

        if (posted[HoneypotName].ToString() is { Length: > 0 } honeypot)
        {
            data["honeypot"] = honeypot;
        }

        return data;
    }
}
