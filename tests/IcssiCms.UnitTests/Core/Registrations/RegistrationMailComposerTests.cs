using IcssiCms.Core.Registrations;
using IcssiCms.Core.Registrations.Mail;

namespace IcssiCms.UnitTests.Core.Registrations;

/// <summary>
/// The registration e-mails as the Umbraco site's outbox sends them: the subject and the HTML body (Umbraco's mail sender
/// takes one body, and the outbox gives it the HTML), in the registration's language.
/// </summary>
public sealed class RegistrationMailComposerTests
{
    private const string EnglishEvent = "ICSSI Conference 2014";
    private const string ArabicEvent = "مؤتمر مبادرة التضامن مع المجتمع المدني العراقي 2014";

    private static readonly Uri Confirm = new("https://hub.example.org/registrations/confirm?token=a1&x=1");
    private static readonly Uri Cancel = new("https://hub.example.org/registrations/cancel?token=b2");

    private readonly RegistrationMailComposer _composer = new();

    private static RegistrationMail Mail(RegistrationMailKind kind, string culture, string eventName, string name = "Layla Hassan") =>
        new(kind, name, "layla@example.org", culture, eventName, Confirm, Cancel);

    [Fact]
    public void English_Confirm_Place_Has_Its_Subject_The_Greeting_And_Both_Links()
    {
        var mail = _composer.Compose(Mail(RegistrationMailKind.ConfirmPlace, "en-US", EnglishEvent));

        Assert.Equal("Please confirm your place at ICSSI Conference 2014", mail.Subject);
        Assert.Equal(("Layla Hassan", "layla@example.org", "en"), (mail.ToName, mail.ToAddress, mail.Language));
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Dear <bdi>Layla Hassan</bdi>,", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("A place is held for you at <bdi>ICSSI Conference 2014</bdi>.", mail.HtmlBody, StringComparison.Ordinal);
        // The & of the query string is encoded in the attribute and in the text.
        Assert.Contains("href=\"https://hub.example.org/registrations/confirm?token=a1&amp;x=1\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"" + Cancel.AbsoluteUri + "\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("token=a1&x=1", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Sign_Up_For_Several_Events_Lists_The_Others_With_Their_Own_Cancel_Links()
    {
        var socialEventCancel = new Uri("https://hub.example.org/registrations/cancel?token=c3");
        var sessionCancel = new Uri("https://hub.example.org/registrations/cancel?token=d4");
        var mail = Mail(RegistrationMailKind.ConfirmPlace, "en-US", EnglishEvent) with
        {
            AlsoIncluded =
            [
                new RegistrationMailPart("Social Event", Waitlisted: false, socialEventCancel),
                new RegistrationMailPart("Hope for Peace & Development", Waitlisted: true, sessionCancel),
            ],
        };

        var composed = _composer.Compose(mail);

        Assert.Contains("<bdi>Social Event</bdi>: a place is held for you", composed.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<bdi>Hope for Peace &amp; Development</bdi>: you are on the waitlist", composed.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"" + socialEventCancel.AbsoluteUri + "\"", composed.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"" + sessionCancel.AbsoluteUri + "\"", composed.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Single_Event_Mail_Has_No_List_Of_Others()
    {
        var mail = _composer.Compose(Mail(RegistrationMailKind.ConfirmPlace, "en-US", EnglishEvent));

        Assert.DoesNotContain("also covers", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<ul>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Arabic_Mail_Is_Right_To_Left_With_Arabic_Subject_And_Text_And_Links_Left_To_Right()
    {
        var mail = _composer.Compose(Mail(RegistrationMailKind.ConfirmPlace, "ar", ArabicEvent, "ليلى حسن"));

        Assert.Equal("يُرجى تأكيد مكانك في " + ArabicEvent, mail.Subject);
        Assert.Equal("ar", mail.Language);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("مرحبًا <bdi>ليلى حسن</bdi>،", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("حُجز لك مكان في <bdi>" + ArabicEvent + "</bdi>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("مبادرة التضامن مع المجتمع المدني العراقي (ICSSI)", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("dir=\"ltr\">https://hub.example.org/registrations/cancel?token=b2</a>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar-IQ")]
    [InlineData("AR")]
    public void Regional_Arabic_Cultures_Get_Arabic(string culture)
    {
        var mail = _composer.Compose(Mail(RegistrationMailKind.Cancelled, culture, ArabicEvent));

        Assert.Equal("أُلغي تسجيلك في " + ArabicEvent, mail.Subject);
        Assert.Contains("dir=\"rtl\"", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ckb")]
    [InlineData("ckb-IQ")]
    [InlineData("nb-NO")]
    [InlineData("")]
    public void Sorani_Kurdish_And_Other_Cultures_Fall_Back_To_English(string culture)
    {
        var mail = _composer.Compose(Mail(RegistrationMailKind.Waitlisted, culture, EnglishEvent));

        Assert.Equal("You are on the waitlist for ICSSI Conference 2014", mail.Subject);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_And_Event_Are_Html_Encoded()
    {
        var mail = _composer.Compose(Mail(
            RegistrationMailKind.Promoted, "en-US", "Sessions <b>& more</b>", "<script>alert(\"x\")</script> O'Brien"));

        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Dear <bdi>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien</bdi>,", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<bdi>Sessions &lt;b&gt;&amp; more&lt;/b&gt;</bdi>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<title>A place at Sessions &lt;b&gt;&amp; more&lt;/b&gt; is now yours</title>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_Breaks_In_An_Event_Name_Do_Not_Reach_The_Subject()
    {
        var mail = _composer.Compose(Mail(RegistrationMailKind.Cancelled, "en-US", "ICSSI\r\nBcc: someone@example.org"));

        Assert.Equal("Your registration for ICSSI Bcc: someone@example.org is cancelled", mail.Subject);
    }

    [Theory]
    [InlineData(RegistrationMailKind.ConfirmPlace, "Please confirm your place at ICSSI Conference 2014", true)]
    [InlineData(RegistrationMailKind.Waitlisted, "You are on the waitlist for ICSSI Conference 2014", true)]
    [InlineData(RegistrationMailKind.Promoted, "A place at ICSSI Conference 2014 is now yours", true)]
    [InlineData(RegistrationMailKind.Cancelled, "Your registration for ICSSI Conference 2014 is cancelled", false)]
    public void Every_Kind_Has_Its_Subject_And_Links_Where_They_Apply(RegistrationMailKind kind, string subject, bool links)
    {
        var mail = _composer.Compose(Mail(kind, "en-US", EnglishEvent));

        Assert.Equal(subject, mail.Subject);
        Assert.Equal(links, mail.HtmlBody.Contains("href=\"https://hub.example.org/registrations/confirm?", StringComparison.Ordinal));
        Assert.Equal(links, mail.HtmlBody.Contains("href=\"" + Cancel.AbsoluteUri + "\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RegistrationMailKind.ConfirmPlace, "يُرجى تأكيد مكانك في ")]
    [InlineData(RegistrationMailKind.Waitlisted, "أنت على قائمة الانتظار في ")]
    [InlineData(RegistrationMailKind.Promoted, "أصبح لك مكان في ")]
    [InlineData(RegistrationMailKind.Cancelled, "أُلغي تسجيلك في ")]
    public void Every_Kind_Has_An_Arabic_Subject(RegistrationMailKind kind, string subjectStart)
    {
        var mail = _composer.Compose(Mail(kind, "ar", ArabicEvent));

        Assert.Equal(subjectStart + ArabicEvent, mail.Subject);
    }

    [Fact]
    public void Waitlisted_Mail_Says_The_Event_Is_Full_And_Asks_To_Confirm_The_Address()
    {
        var mail = _composer.Compose(Mail(RegistrationMailKind.Waitlisted, "en-US", EnglishEvent));

        Assert.Contains("<bdi>ICSSI Conference 2014</bdi> is full, so you are on the waitlist. We will e-mail you if a place frees up.", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Please confirm your e-mail address with this link:<br>\n<a href=\"https://hub.example.org/registrations/confirm?", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Link_That_Is_Not_Http_Is_Refused()
    {
        var mail = Mail(RegistrationMailKind.ConfirmPlace, "en-US", EnglishEvent) with { ConfirmLink = new Uri("javascript:alert(1)") };

        var error = Assert.Throws<ArgumentException>(() => _composer.Compose(mail));
        Assert.Contains("ConfirmLink", error.Message, StringComparison.Ordinal);
    }
}
