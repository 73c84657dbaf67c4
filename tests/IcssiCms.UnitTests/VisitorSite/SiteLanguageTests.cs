using IcssiCms.VisitorSite.Languages;
using Microsoft.AspNetCore.Http;

namespace IcssiCms.UnitTests.VisitorSite;

public sealed class SiteLanguageTests
{
    [Theory]
    [InlineData("ar-IQ,ar;q=0.9,en;q=0.5", "ar")]
    [InlineData("fr-FR, ckb;q=0.4, en;q=0.3", "ckb")]
    [InlineData("en;q=0.2, ar;q=0.8", "ar")]
    [InlineData("de-DE", "en")]
    [InlineData("", "en")]
    [InlineData("arz", "en")]
    public void The_bare_address_picks_the_first_of_the_sites_languages_the_browser_asks_for(string header, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = header;
        Assert.Equal(expected, SiteLanguage.FromAcceptLanguage(context.Request).Code);
    }

    [Theory]
    [InlineData("/ar/campaigns/", "ar")]
    [InlineData("/ckb", "ckb")]
    [InlineData("/EN/", "en")]
    [InlineData("/arx/", null)]
    [InlineData("/", null)]
    [InlineData("/registrations/confirm", null)]
    public void The_language_is_the_first_segment_of_the_path(string path, string? expected) =>
        Assert.Equal(expected, SiteLanguage.FromPath(new PathString(path))?.Code);

    [Fact]
    public void Arabic_and_Kurdish_are_right_to_left_and_shown_with_Iraqs_month_names()
    {
        Assert.Equal("rtl", SiteLanguage.Arabic.Direction);
        Assert.Equal("rtl", SiteLanguage.Kurdish.Direction);
        Assert.Equal("ltr", SiteLanguage.English.Direction);
        Assert.Contains("تشرين الأول", new DateTime(2014, 10, 27).ToString("d MMMM yyyy", SiteLanguage.Arabic.Culture));
    }

    [Fact]
    public void A_hub_route_becomes_the_sites_address_in_a_language() =>
        Assert.Equal("/ar/الحملات/أنقذوا-نهر-دجلة/", SiteLanguage.Arabic.UrlOf("/الحملات/أنقذوا-نهر-دجلة/"));
}
