using System.Net;
using System.Text.RegularExpressions;
using IcssiCms.Web.IntegrationTests.Forms;
using IcssiCms.Web.IntegrationTests.Registrations;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace IcssiCms.Web.IntegrationTests.VisitorSite;

/// <summary>
/// Issue #7's visitor, in Chromium, on the visitors' site in front of the Umbraco site: reading a campaign and its news
/// in English and Arabic, searching, registering for the conference (a field error, then success), confirming from the
/// e-mail, and finding the last place taken.
/// </summary>
[Collection(VisitorSiteCollection.Name)]
public sealed class VisitorSiteBrowserTests(VisitorSiteHost host)
{
    private const string RegisterPath = "/en/conferences/icssi-conference-2014/register/";

    [Fact]
    public async Task A_visitor_reads_a_campaign_and_its_news_in_English_then_in_Arabic_right_to_left()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/en/$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Campaigns" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Save the Tigris" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Save the Tigris");
        var news = page.GetByRole(AriaRole.Region, new() { Name = "News" });
        await news.GetByRole(AriaRole.Link, new() { Name = "Call for International Participants" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Call for International Participants");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Save the Tigris" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "العربية" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        Assert.StartsWith("/ar/", new Uri(page.Url).AbsolutePath);
        // The news item's campaigns, in Arabic, lead to the campaign's Arabic page, and its news back to the item.
        await page.GetByRole(AriaRole.Link, new() { Name = "أنقذوا نهر دجلة" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("أنقذوا نهر دجلة");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        var arabicNews = page.GetByRole(AriaRole.Region, new() { Name = "الأخبار" });
        await Expect(arabicNews.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        // Mirrored: the heading starts at the right-hand edge of the page.
        var heading = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).BoundingBoxAsync();
        var main = await page.Locator("main").BoundingBoxAsync();
        Assert.True(heading!.X + heading.Width > main!.X + main.Width - 40, "The Arabic heading is not on the right.");
    }

    [Fact]
    public async Task The_partners_the_call_names_are_listed_with_their_pages()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/en/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Partners" }).ClickAsync();
        foreach (var partner in new[] { "Iraqi Social Forum", "Norway Social Forum", "Karibu Foundation", "Fondation Assistance Internationale", "Un ponte per…" })
        {
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = partner, Exact = true })).ToBeVisibleAsync();
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Karibu Foundation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Karibu Foundation");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Partners" }))
            .ToHaveAttributeAsync("aria-current", "page");
    }

    [Fact]
    public async Task Kurdish_pages_are_right_to_left_and_say_when_they_are_shown_in_English()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/ckb/campaigns/save-the-tigris/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ckb");
        await Expect(page.GetByRole(AriaRole.Note)).ToBeVisibleAsync();
        await Expect(page.Locator("article")).ToHaveAttributeAsync("dir", "ltr");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Save the Tigris");
    }

    [Fact]
    public async Task Search_finds_a_campaign_in_the_language_of_the_page()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/en/");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the hub" }).FillAsync("Tigris");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the hub" }).PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Save the Tigris" })).ToBeVisibleAsync();

        await page.GotoAsync("/ar/");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "ابحث في الموقع" }).FillAsync("دجلة");
        await page.GetByRole(AriaRole.Button, new() { Name = "بحث" }).First.ClickAsync();
        var result = page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "أنقذوا نهر دجلة" });
        await Expect(result).ToBeVisibleAsync();
        await result.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("أنقذوا نهر دجلة");
    }

    [Fact]
    public async Task Search_results_come_ten_to_a_page_with_links_between_the_pages()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/en/search?q=conference");
        var results = page.Locator("ol.results > li");
        await Expect(results).ToHaveCountAsync(10);
        var firstPage = await results.AllInnerTextsAsync();
        var pages = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" });
        await Expect(pages).ToContainTextAsync("Page 1 of");

        await pages.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Expect(pages).ToContainTextAsync("Page 2 of");
        await Expect(page.Locator("ol.results")).ToHaveAttributeAsync("start", "11");
        Assert.DoesNotContain((await results.AllInnerTextsAsync())[0], firstPage);
        await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the hub" })).ToHaveValueAsync("conference");

        await pages.GetByRole(AriaRole.Link, new() { Name = "Previous page" }).ClickAsync();
        await Expect(results).ToHaveCountAsync(10);
        Assert.Equal(firstPage, await results.AllInnerTextsAsync());
    }

    [Fact]
    public async Task A_visitor_registers_for_the_conference_after_a_field_error_and_confirms_from_the_email()
    {
        var email = $"visitor-{Guid.NewGuid():N}@example.org";
        var page = await host.NewPageAsync();
        await page.GotoAsync(RegisterPath);
        await Expect(page.GetByText("You may need a Schengen visa to enter Norway.").First).ToBeVisibleAsync();

        // The role "Other" shows a field to describe it (a Forms condition), hidden until then.
        var describeRole = page.GetByLabel("Please describe your role");
        await Expect(describeRole).ToBeHiddenAsync();
        await page.GetByLabel("Other").CheckAsync();
        await Expect(describeRole).ToBeVisibleAsync();
        await page.GetByLabel("Activist").CheckAsync();
        await Expect(describeRole).ToBeHiddenAsync();

        await page.GetByLabel("Name").FillAsync("A Visitor");
        await page.GetByLabel("E-mail address").FillAsync("not an address");
        await page.GetByLabel("Country").FillAsync("Norway");
        await page.GetByLabel("Conference sessions, 28–29 October").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Will you need a Schengen visa to enter Norway?" }).GetByLabel("No").CheckAsync();
        await page.GetByLabel("I agree that ICSSI stores these details").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        // The hub's 422, next to its field, and the field says it is invalid; what was entered is kept.
        var emailField = page.GetByLabel("E-mail address");
        await Expect(emailField).ToHaveAttributeAsync("aria-invalid", "true");
        var errorId = (await emailField.GetAttributeAsync("aria-describedby"))!.Split(' ').Last();
        await Expect(page.Locator($"#{errorId}")).ToHaveTextAsync("Please provide a valid value for E-mail address");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("E-mail address");
        await Expect(page.GetByLabel("Country")).ToHaveValueAsync("Norway");
        await Expect(page.GetByLabel("Conference sessions, 28–29 October")).ToBeCheckedAsync();

        await emailField.FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        var status = page.GetByRole(AriaRole.Status);
        await Expect(status).ToContainTextAsync("Thank you for registering for the ICSSI Conference 2014.");
        await Expect(status).ToContainTextAsync("ICSSI Conference 2014: you have a place.");

        var mail = Assert.Single(await host.Mail.WaitForAsync(email));
        var confirm = Links(mail).First(link => link.AbsolutePath == "/registrations/confirm");
        Assert.Equal(host.SiteAddress.Authority, confirm.Authority);
        Assert.DoesNotContain(email, confirm.ToString(), StringComparison.OrdinalIgnoreCase);
        await page.GotoAsync(confirm.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my registration" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your registration for ICSSI Conference 2014 is confirmed.");

        // A link is not a second confirmation.
        await page.GotoAsync(confirm.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my registration" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("already done");

        // The site logged the whole journey (down to Verbose) without the visitor's name or address.
        Assert.True(host.SiteLog.Count > 0);
        Assert.False(host.SiteLog.Contains(email), "The site logged the visitor's e-mail address.");
        Assert.False(host.SiteLog.Contains("A Visitor"), "The site logged the visitor's name.");
    }

    [Fact]
    public async Task In_Arabic_the_form_speaks_Arabic_and_its_errors_too()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync(RegisterPath);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "العربية" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        var form = page.Locator("form.hub-form");
        await form.GetByRole(AriaRole.Button).Last.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        // Every message the hub sent for the empty form is in Arabic script.
        foreach (var message in await page.Locator(".field-error").AllInnerTextsAsync())
        {
            Assert.Matches(@"\p{IsArabic}", message);
        }

        Assert.NotEmpty(await page.Locator(".field-error").AllInnerTextsAsync());
    }

    [Fact]
    public async Task When_the_last_place_is_taken_the_form_offers_the_waitlist_and_the_next_visitor_joins_it()
    {
        var socialEvent = "Social event, 27 October";
        using var _ = EventCapacity.Set(host, HubFormKeys.SocialEvent, host.HeldAt(HubFormKeys.SocialEvent) + 1);
        var page = await host.NewPageAsync();
        await page.GotoAsync(RegisterPath);
        await Expect(page.GetByLabel(socialEvent)).ToHaveAccessibleDescriptionAsync("1 place left");

        await RegisterAsync($"first-{Guid.NewGuid():N}@example.org", socialEvent);

        await page.ReloadAsync();
        await Expect(page.GetByLabel(socialEvent)).ToHaveAccessibleDescriptionAsync("Full: you can join the waiting list");
        await FillRegistrationAsync(page, $"second-{Guid.NewGuid():N}@example.org", socialEvent);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Social Event: the event is full; you are on the waiting list");
    }

    [Fact]
    public async Task On_a_phone_sized_screen_the_page_does_not_scroll_sideways_and_the_skip_link_comes_first()
    {
        var page = await host.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync(RegisterPath);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The registration page scrolls sideways on a 360 px screen.");

        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        await Expect(focused).ToHaveTextAsync("Skip to content");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_conference_programme_lists_its_sessions_by_day_in_Oslo_time()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/en/conferences/icssi-conference-2014/");
        var programme = page.GetByRole(AriaRole.Region, new() { Name = "Programme" });
        await Expect(programme).ToContainTextAsync("Dates and times are local time in Oslo.");
        await Expect(programme.GetByRole(AriaRole.Heading, new() { Level = 3 }))
            .ToHaveTextAsync(["Monday 27 October 2014", "Tuesday 28 October 2014", "Wednesday 29 October 2014"]);
        await Expect(programme.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Late afternoon");
        await Expect(programme.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Social Event");

        await page.GetByRole(AriaRole.Link, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Visas" }))
            .ToContainTextAsync("Please notice that ICSSI cannot support participants in the visa process with Norwegian authorities.");

        // In Arabic, the days are in Iraq's month names.
        await page.GotoAsync("/en/conferences/icssi-conference-2014/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "العربية" }).ClickAsync();
        await Expect(page.Locator("#programme + p + h3")).ToContainTextAsync("تشرين الأول");
    }

    [Fact]
    public async Task A_visitor_signs_up_for_a_campaign_from_its_page_and_cancels_from_the_email()
    {
        var email = $"campaigner-{Guid.NewGuid():N}@example.org";
        var page = await host.NewPageAsync();
        await page.GotoAsync("/en/campaigns/womens-rights/");
        var form = page.GetByRole(AriaRole.Region, new() { Name = "Sign up for Women's Rights" });
        await Expect(form).ToBeVisibleAsync();
        // The campaign whose page this is is already chosen.
        await Expect(form.GetByRole(AriaRole.Checkbox, new() { Name = "Women's Rights" })).ToBeCheckedAsync();

        foreach (var textbox in await form.GetByRole(AriaRole.Textbox).AllAsync())
        {
            var type = await textbox.GetAttributeAsync("type");
            var required = await textbox.GetAttributeAsync("required") is not null;
            if (required)
            {
                await textbox.FillAsync(type == "email" ? email : "Someone");
            }
        }

        foreach (var checkbox in await form.Locator("input[type=checkbox][required]").AllAsync())
        {
            await checkbox.CheckAsync();
        }

        await form.GetByRole(AriaRole.Button).Last.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Women's Rights");

        var mail = Assert.Single(await host.Mail.WaitForAsync(email));
        var cancel = Links(mail).First(link => link.AbsolutePath == "/registrations/cancel");
        await page.GotoAsync(cancel.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel my registration" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is cancelled");
    }

    /// <summary>
    /// The home page and the registration form in English and Arabic, as a visitor sees them, with one place left at the
    /// social event; saved beside the test results, and to the folder <c>ICSSI_SCREENSHOTS</c> names (the README's
    /// pictures come from there).
    /// </summary>
    [Fact]
    public async Task Home_and_registration_pages_in_English_and_Arabic()
    {
        var folder = Environment.GetEnvironmentVariable("ICSSI_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        // The pictures show what a visitor sees of places: one left at the social event.
        using var _ = EventCapacity.Set(host, HubFormKeys.SocialEvent, host.HeldAt(HubFormKeys.SocialEvent) + 1);
        foreach (var (language, name) in new[] { ("en", "English"), ("ar", "العربية") })
        {
            var page = await host.NewPageAsync(width: 1100, height: 900);
            await page.GotoAsync($"/{language}/");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"home-{language}.png"), FullPage = false });

            // The registration page, reached by its English address and the language switcher.
            await page.GotoAsync(RegisterPath);
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await Expect(page.Locator("form.hub-form")).ToBeVisibleAsync();
            await page.Locator("form.hub-form").ScreenshotAsync(new() { Path = Path.Combine(folder, $"registration-form-{language}.png") });
            await page.Context.CloseAsync();
        }

        Assert.Equal(4, Directory.EnumerateFiles(folder, "*.png").Count(file => Path.GetFileName(file).StartsWith("home-") || Path.GetFileName(file).StartsWith("registration-form-")));
    }

    private async Task RegisterAsync(string email, string eventLabel)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync(RegisterPath);
        await FillRegistrationAsync(page, email, eventLabel);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you for registering");
        await page.Context.CloseAsync();
    }

    private static async Task FillRegistrationAsync(IPage page, string email, string eventLabel)
    {
        await page.GetByLabel("Name").FillAsync("A Visitor");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Country").FillAsync("Iraq");
        await page.GetByLabel("Journalist").CheckAsync();
        await page.GetByLabel(eventLabel).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Will you need a Schengen visa to enter Norway?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByLabel("I agree that ICSSI stores these details").CheckAsync();
    }

    private static IEnumerable<Uri> Links(MimeMessage mail) =>
        Regex.Matches(mail.HtmlBody ?? mail.TextBody ?? string.Empty, "href=\"([^\"]+)\"")
            .Select(match => new Uri(WebUtility.HtmlDecode(match.Groups[1].Value)));
}
