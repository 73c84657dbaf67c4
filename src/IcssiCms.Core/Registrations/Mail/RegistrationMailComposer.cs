using System.Net;
using System.Text;

namespace IcssiCms.Core.Registrations.Mail;

/// <summary>What one registration e-mail is about: the kind, the person, the event's name in their language, the links.</summary>
public sealed record RegistrationMail(
    RegistrationMailKind Kind,
    string Name,
    string Email,
    string Culture,
    string EventName,
    Uri ConfirmLink,
    Uri CancelLink)
{
    /// <summary>The other events of the same sign-up, listed in the same e-mail.</summary>
    public IReadOnlyList<RegistrationMailPart> AlsoIncluded { get; init; } = [];

    /// <summary>A sign-up for campaigns rather than events: the mail speaks of support, not of places.</summary>
    public bool ForCampaign { get; init; }
}

/// <summary>Another event of the same sign-up: its name, whether it is on the waitlist, and its own cancel link.</summary>
public sealed record RegistrationMailPart(string EventName, bool Waitlisted, Uri CancelLink);

/// <summary>A registration e-mail written out: to whom, its subject, its language, and its text as plain text and as HTML.</summary>
public sealed record ComposedMail(string ToName, string ToAddress, string Subject, string Language, string TextBody, string HtmlBody);

/// <summary>
/// Writes registration e-mails: subject, plain text and HTML in the registration's language, English or Arabic (right to
/// left). Everything inserted (name, event name, links) is HTML-encoded in the HTML part, and stripped of line breaks.
/// </summary>
public sealed class RegistrationMailComposer
{
    public ComposedMail Compose(RegistrationMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        CheckLink(mail.ConfirmLink, nameof(mail.ConfirmLink));
        CheckLink(mail.CancelLink, nameof(mail.CancelLink));
        foreach (var part in mail.AlsoIncluded)
        {
            CheckLink(part.CancelLink, nameof(part.CancelLink));
        }

        var language = RegistrationMailLanguage.For(mail.Culture, mail.ForCampaign);
        var template = language.Templates[mail.Kind];
        var name = SingleLine(mail.Name);
        var eventName = SingleLine(mail.EventName);
        var subject = template.Subject.Replace(RegistrationMailLanguage.EventPlaceholder, eventName, StringComparison.Ordinal);
        return new ComposedMail(
            name,
            mail.Email,
            subject,
            language.Language,
            PlainText(language, template, name, eventName, mail),
            Html(language, template, subject, name, eventName, mail));
    }

    private static string PlainText(RegistrationMailLanguage language, MailTemplate template, string name, string eventName, RegistrationMail mail)
    {
        var text = new StringBuilder();
        text.Append(language.Greeting.Replace(RegistrationMailLanguage.NamePlaceholder, name, StringComparison.Ordinal)).Append("\n\n");
        foreach (var paragraph in template.Paragraphs)
        {
            text.Append(paragraph.Replace(RegistrationMailLanguage.EventPlaceholder, eventName, StringComparison.Ordinal)).Append("\n\n");
        }

        foreach (var action in template.Actions)
        {
            text.Append(action.Text).Append('\n').Append(LinkOf(mail, action.Link).AbsoluteUri).Append("\n\n");
        }

        if (mail.AlsoIncluded.Count > 0)
        {
            text.Append(language.AlsoIncluded).Append("\n\n");
            foreach (var part in mail.AlsoIncluded)
            {
                var line = part.Waitlisted ? language.PartWaitlisted : language.PartHeld;
                text.Append("- ").Append(line.Replace(RegistrationMailLanguage.EventPlaceholder, SingleLine(part.EventName), StringComparison.Ordinal)).Append('\n')
                    .Append("  ").Append(language.PartCancel).Append(' ').Append(part.CancelLink.AbsoluteUri).Append("\n\n");
            }
        }

        if (template.Note is { } note)
        {
            text.Append(note).Append("\n\n");
        }

        text.Append(language.SignOff).Append('\n').Append(language.Sender).Append('\n');
        return text.ToString();
    }

    private static string Html(RegistrationMailLanguage language, MailTemplate template, string subject, string name, string eventName, RegistrationMail mail)
    {
        var direction = language.RightToLeft ? "rtl" : "ltr";
        var align = language.RightToLeft ? "right" : "left";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n")
            .Append("<html lang=\"").Append(language.Language).Append("\" dir=\"").Append(direction).Append("\">\n")
            .Append("<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"font-family: Tahoma, Arial, sans-serif; font-size: 16px; line-height: 1.5; text-align: ")
            .Append(align).Append(";\">\n");

        html.Append("<p>").Append(WithValue(language.Greeting, RegistrationMailLanguage.NamePlaceholder, name)).Append("</p>\n");
        foreach (var paragraph in template.Paragraphs)
        {
            html.Append("<p>").Append(WithValue(paragraph, RegistrationMailLanguage.EventPlaceholder, eventName)).Append("</p>\n");
        }

        foreach (var action in template.Actions)
        {
            var link = Encode(LinkOf(mail, action.Link).AbsoluteUri);
            html.Append("<p>").Append(Encode(action.Text)).Append("<br>\n")
                .Append("<a href=\"").Append(link).Append("\" dir=\"ltr\">").Append(link).Append("</a></p>\n");
        }

        if (mail.AlsoIncluded.Count > 0)
        {
            html.Append("<p>").Append(Encode(language.AlsoIncluded)).Append("</p>\n<ul>\n");
            foreach (var part in mail.AlsoIncluded)
            {
                var line = part.Waitlisted ? language.PartWaitlisted : language.PartHeld;
                var link = Encode(part.CancelLink.AbsoluteUri);
                html.Append("<li>").Append(WithValue(line, RegistrationMailLanguage.EventPlaceholder, SingleLine(part.EventName))).Append("<br>\n")
                    .Append(Encode(language.PartCancel)).Append(" <a href=\"").Append(link).Append("\" dir=\"ltr\">").Append(link).Append("</a></li>\n");
            }

            html.Append("</ul>\n");
        }

        if (template.Note is { } note)
        {
            html.Append("<p>").Append(Encode(note)).Append("</p>\n");
        }

        html.Append("<p>").Append(Encode(language.SignOff)).Append("<br>\n").Append(Encode(language.Sender)).Append("</p>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// A template's text, encoded, with the value in place of its placeholder: encoded too, and isolated in
    /// <c>&lt;bdi&gt;</c> so a Latin name in Arabic text (or the reverse) does not reorder the sentence around it.
    /// </summary>
    private static string WithValue(string template, string placeholder, string value)
    {
        var parts = template.Split(placeholder);
        return string.Join("<bdi>" + Encode(value) + "</bdi>", parts.Select(Encode));
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static Uri LinkOf(RegistrationMail mail, RegistrationLink link) =>
        link == RegistrationLink.Confirm ? mail.ConfirmLink : mail.CancelLink;

    /// <summary>Control characters (line breaks above all) are no part of a name or a subject line.</summary>
    private static string SingleLine(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => new string(w.Where(c => !char.IsControl(c)).ToArray())));

    private static void CheckLink(Uri? link, string name)
    {
        if (link is null || !link.IsAbsoluteUri || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{name} must be an absolute http or https link.", name);
        }
    }
}
