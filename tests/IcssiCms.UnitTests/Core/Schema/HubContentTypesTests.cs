using System.Reflection;
using IcssiCms.Core.Schema;
using IcssiCms.UnitTests.Support;

namespace IcssiCms.UnitTests.Core.Schema;

/// <summary>The alias constants are a contract with the front ends: they must be what the hub folder defines.</summary>
public sealed class HubContentTypesTests
{
    public static TheoryData<string> DocumentTypeClasses()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(HubContentTypes).GetNestedTypes())
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentTypeClasses))]
    public void Every_Property_Constant_Is_A_Property_Of_Its_Document_Type_And_Every_Property_Has_One(string className)
    {
        var constants = typeof(HubContentTypes).GetNestedType(className)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
        var alias = constants["Alias"];

        var type = Assert.Single(HubFolder.Set.ContentTypes, t => t.Alias == alias);
        Assert.Equal(
            constants.Where(c => c.Key != "Alias").Select(c => c.Value).Order(StringComparer.Ordinal),
            type.Properties.Select(p => p.Alias).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void All_Lists_Each_Document_Type_Class_Once()
    {
        var aliases = typeof(HubContentTypes).GetNestedTypes()
            .Select(t => (string)t.GetField("Alias")!.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(aliases, HubContentTypes.All.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_Culture_Constants_Are_The_Languages_Of_The_Hub_And_Dotnet_Knows_Them()
    {
        Assert.Equal(HubCultures.All.Order(StringComparer.Ordinal), HubFolder.Set.Languages.Select(l => l.IsoCode).Order(StringComparer.Ordinal));
        Assert.All(HubCultures.All, c => Assert.Equal(c, System.Globalization.CultureInfo.GetCultureInfo(c, predefinedOnly: true).Name, ignoreCase: true));
        Assert.True(System.Globalization.CultureInfo.GetCultureInfo(HubCultures.Arabic).TextInfo.IsRightToLeft);
        Assert.True(System.Globalization.CultureInfo.GetCultureInfo(HubCultures.SoraniKurdish).TextInfo.IsRightToLeft);
    }
}
