using IcssiCms.Core.Registrations.Mail;
using IcssiCms.EmbeddedHost.Mail;
using IcssiCms.Store.Storage;
using RegistrationMailKind = IcssiCms.Core.Registrations.RegistrationMailKind;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace IcssiCms.UnitTests.Mail;

public sealed class RegistrationMailComposerTests
{
    private const string EnglishEvent = "ICSSI Conference 2014";
    private const string ArabicEvent = "مؤتمر مبادرة التضامن مع المجتمع المدني العراقي 2014";

    private static readonly Uri Confirm = new("https://hub.example.org/registrations/confirm?token=a1&x=1");
    private static readonly Uri Cancel = new("https://hub.example.org/registrations/cancel?token=b2");

    private readonly MimeRegistrationMailComposer _composer = new(new FakeTimeProvider(new DateTimeOffset(2014, 9, 1, 8, 0, 0, TimeSpan.Zero)));

    private static RegistrationMail Mail(RegistrationMailKind kind, string culture, string eventName, string name = "Layla Hassan") =>
        new(kind, name, "layla@example.org", culture, eventName, Confirm, Cancel);

    [Fact]
    public void English_Confirm_Place_Has_Subject_Both_Links_And_Both_Parts()
    {
        var message = _composer.Compose(Mail(RegistrationMailKind.ConfirmPlace, "en-US", EnglishEvent));

        Assert.Equal("Please confirm your place at ICSSI Conference 2014", message.Subject);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal("layla@example.org", to.Address);
        Assert.Equal("Layla Hassan", to.Name);
        Assert.Equal("en", message.Headers[HeaderId.ContentLanguage]);
        Assert.Empty(message.From);

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Contains("A place is held for you at ICSSI Conference 2014.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(Confirm.AbsoluteUri, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(Cancel.AbsoluteUri, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Dear Layla Hassan,", message.TextBody, StringComparison.Ordinal);

        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", message.HtmlBody, StringComparison.Ordinal);
        // The & of the query string is encoded in the attribute and in the text.
        Assert.Contains("href=\"https://hub.example.org/registrations/confirm?token=a1&amp;x=1\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"" + Cancel.AbsoluteUri + "\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("token=a1&x=1", message.HtmlBody, StringComparison.Ordinal);
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

        var message = _composer.Compose(mail);

        Assert.Contains("Social Event: a place is held for you", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hope for Peace & Development: you are on the waitlist", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(socialEventCancel.AbsoluteUri, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"" + sessionCancel.AbsoluteUri + "\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<bdi>Hope for Peace &amp; Development</bdi>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Single_Event_Mail_Has_No_List_Of_Others()
    {
        var message = _composer.Compose(Mail(RegistrationMailKind.ConfirmPlace, "en-US", EnglishEvent));

        Assert.DoesNotContain("also covers", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<ul>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Arabic_Mail_Is_Right_To_Left_With_Arabic_Subject_And_Text()
    {
        var message = _composer.Compose(Mail(RegistrationMailKind.ConfirmPlace, "ar", ArabicEvent, "ليلى حسن"));

        Assert.Equal("يُرجى تأكيد مكانك في " + ArabicEvent, message.Subject);
        Assert.Equal("ar", message.Headers[HeaderId.ContentLanguage]);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("مرحبًا <bdi>ليلى حسن</bdi>،", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("حُجز لك مكان في " + ArabicEvent, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("مبادرة التضامن مع المجتمع المدني العراقي (ICSSI)", message.TextBody, StringComparison.Ordinal);
        // Links stay left to right inside the right-to-left text.
        Assert.Contains("dir=\"ltr\">https://hub.example.org/registrations/cancel?token=b2</a>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(Confirm.AbsoluteUri, message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar-IQ")]
    [InlineData("AR")]
    public void Regional_Arabic_Cultures_Get_Arabic(string culture)
    {
        var message = _composer.Compose(Mail(RegistrationMailKind.Cancelled, culture, ArabicEvent));

        Assert.Equal("أُلغي تسجيلك في " + ArabicEvent, message.Subject);
        Assert.Contains("dir=\"rtl\"", message.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ckb")]
    [InlineData("ckb-IQ")]
    [InlineData("nb-NO")]
    [InlineData("")]
    public void Sorani_Kurdish_And_Other_Cultures_Fall_Back_To_English(string culture)
    {
        var message = _composer.Compose(Mail(RegistrationMailKind.Waitlisted, culture, EnglishEvent));

        Assert.Equal("You are on the waitlist for ICSSI Conference 2014", message.Subject);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("en", message.Headers[HeaderId.ContentLanguage]);
    }

    [Fact]
    public void Name_And_Event_Are_Html_Encoded()
    {
        var message = _composer.Compose(Mail(
            RegistrationMailKind.Promoted, "en-US", "Sessions <b>& more</b>", "<script>alert(\"x\")</script> O'Brien"));

        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Dear <bdi>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien</bdi>,", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<bdi>Sessions &lt;b&gt;&amp; more&lt;/b&gt;</bdi>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<title>A place at Sessions &lt;b&gt;&amp; more&lt;/b&gt; is now yours</title>", message.HtmlBody, StringComparison.Ordinal);
        // Plain text is plain: nothing to encode.
        Assert.Contains("Dear <script>alert(\"x\")</script> O'Brien,", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_Breaks_In_An_Event_Name_Do_Not_Reach_The_Subject()
    {
        var message = _composer.Compose(Mail(RegistrationMailKind.Cancelled, "en-US", "ICSSI\r\nBcc: someone@example.org"));

        Assert.Equal("Your registration for ICSSI Bcc: someone@example.org is cancelled", message.Subject);
        Assert.Empty(message.Bcc);
    }

    [Theory]
    [InlineData(RegistrationMailKind.ConfirmPlace, "Please confirm your place at ICSSI Conference 2014", true)]
    [InlineData(RegistrationMailKind.Waitlisted, "You are on the waitlist for ICSSI Conference 2014", true)]
    [InlineData(RegistrationMailKind.Promoted, "A place at ICSSI Conference 2014 is now yours", true)]
    [InlineData(RegistrationMailKind.Cancelled, "Your registration for ICSSI Conference 2014 is cancelled", false)]
    public void Every_Kind_Has_Its_Subject_And_Links_Where_They_Apply(RegistrationMailKind kind, string subject, bool links)
    {
        var message = _composer.Compose(Mail(kind, "en-US", EnglishEvent));

        Assert.Equal(subject, message.Subject);
        Assert.Equal(links, (message.TextBody ?? "").Contains(Confirm.AbsoluteUri, StringComparison.Ordinal));
        Assert.Equal(links, (message.TextBody ?? "").Contains(Cancel.AbsoluteUri, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RegistrationMailKind.ConfirmPlace, "يُرجى تأكيد مكانك في ")]
    [InlineData(RegistrationMailKind.Waitlisted, "أنت على قائمة الانتظار في ")]
    [InlineData(RegistrationMailKind.Promoted, "أصبح لك مكان في ")]
    [InlineData(RegistrationMailKind.Cancelled, "أُلغي تسجيلك في ")]
    public void Every_Kind_Has_An_Arabic_Subject(RegistrationMailKind kind, string subjectStart)
    {
        var message = _composer.Compose(Mail(kind, "ar", ArabicEvent));

        Assert.Equal(subjectStart + ArabicEvent, message.Subject);
    }

    [Fact]
    public void Waitlisted_Mail_Says_The_Event_Is_Full_And_Asks_To_Confirm_The_Address()
    {
        var message = _composer.Compose(Mail(RegistrationMailKind.Waitlisted, "en-US", EnglishEvent));

        Assert.Contains("ICSSI Conference 2014 is full, so you are on the waitlist. We will e-mail you if a place frees up.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Please confirm your e-mail address with this link:\n" + Confirm.AbsoluteUri, message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Link_That_Is_Not_Http_Is_Refused()
    {
        var mail = Mail(RegistrationMailKind.ConfirmPlace, "en-US", EnglishEvent) with { ConfirmLink = new Uri("javascript:alert(1)") };

        var error = Assert.Throws<ArgumentException>(() => _composer.Compose(mail));
        Assert.Contains("ConfirmLink", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Message_Round_Trips_Through_Mime()
    {
        var message = _composer.Compose(Mail(RegistrationMailKind.Promoted, "ar", ArabicEvent, "ليلى حسن"));
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;

        var parsed = MimeMessage.Load(stream);

        Assert.Equal(message.Subject, parsed.Subject);
        Assert.Equal("ليلى حسن", Assert.IsType<MailboxAddress>(Assert.Single(parsed.To)).Name);
        Assert.Equal(message.HtmlBody, parsed.HtmlBody);
        Assert.Equal(message.TextBody, parsed.TextBody);
    }
}
