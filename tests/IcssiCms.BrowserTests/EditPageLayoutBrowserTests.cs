using Microsoft.Playwright;

namespace IcssiCms.BrowserTests;

/// <summary>
/// The edit page's cultures in a real browser: side by side in the languages' order on a wide screen, stacked on a
/// narrow one, and the keyboard going through all of one culture's fields before the next culture's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditPageLayoutBrowserTests(BrowserHost host)
{
    /// <summary>Save the Tigris, as the hub's uSync folder has it: named in English, Arabic and Central Kurdish.</summary>
    private const string SaveTheTigrisKey = "a9ff1064-cf1a-5661-b800-7b3fcfa41fa9";

    private static readonly string[] Cultures = ["English (United States)", "Arabic", "Central Kurdish"];

    [Fact]
    public async Task The_Cultures_Stand_Side_By_Side_On_A_Wide_Screen_And_Stack_On_A_Narrow_One()
    {
        var page = await host.SignedInPageAsync();
        await page.SetViewportSizeAsync(1600, 900);
        await page.GotoAsync($"/umbraco/content/{SaveTheTigrisKey}");

        var wide = await BoxesAsync(page);
        Assert.All(wide, box => Assert.Equal(wide[0].Y, box.Y, 1));
        Assert.True(wide[0].X + wide[0].Width <= wide[1].X && wide[1].X + wide[1].Width <= wide[2].X, "The cultures are not side by side, in order.");
        Assert.All(wide, box => Assert.True(box.Width < 600, $"A culture's column is {box.Width}px wide."));
        Assert.Equal("rtl", await page.GetByRole(AriaRole.Region, new() { Name = "Arabic" }).GetByLabel("Name").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal("rtl", await page.GetByRole(AriaRole.Region, new() { Name = "Central Kurdish" }).GetByLabel("Name").EvaluateAsync<string>("e => getComputedStyle(e).direction"));

        await page.SetViewportSizeAsync(480, 900);
        var narrow = await BoxesAsync(page);
        Assert.All(narrow, box => Assert.Equal(narrow[0].X, box.X, 1));
        Assert.True(narrow[0].Y + narrow[0].Height <= narrow[1].Y && narrow[1].Y + narrow[1].Height <= narrow[2].Y, "The cultures are not stacked, in order.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_Keyboard_Goes_Through_Every_Field_Of_A_Culture_Before_The_Next_Culture()
    {
        var page = await host.SignedInPageAsync();
        await page.SetViewportSizeAsync(1600, 900);
        await page.GotoAsync($"/umbraco/content/{SaveTheTigrisKey}");
        await page.GetByRole(AriaRole.Region, new() { Name = Cultures[0] }).GetByLabel("Name").FocusAsync();

        var visited = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            var culture = await page.EvaluateAsync<string?>("() => document.activeElement?.closest('.cultures > section')?.getAttribute('lang') ?? null");
            if (culture is null)
            {
                break;
            }

            if (visited.Count == 0 || visited[^1] != culture)
            {
                visited.Add(culture);
                Assert.Equal(culture.Length == 0 ? "name" : "name-" + culture, await page.EvaluateAsync<string>("() => document.activeElement.id"));
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal(["en-US", "ar", "ckb"], visited);
        await page.Context.CloseAsync();
    }

    /// <summary>Where the culture sections are, in the languages' order.</summary>
    private static async Task<List<LocatorBoundingBoxResult>> BoxesAsync(IPage page)
    {
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var culture in Cultures)
        {
            boxes.Add(await page.GetByRole(AriaRole.Region, new() { Name = culture, Exact = true }).BoundingBoxAsync()
                ?? throw new InvalidOperationException($"The {culture} section is not shown."));
        }

        return boxes;
    }
}
