using IcssiCms.Core.Registrations;

namespace IcssiCms.Core.Registrations.Mail;

/// <summary>Which of a registration's two links a step of a mail points to.</summary>
internal enum RegistrationLink
{
    Confirm,
    Cancel,
}

/// <summary>A line that asks the reader to do something, followed by the link to do it with.</summary>
internal sealed record MailAction(string Text, RegistrationLink Link);

/// <summary>
/// One mail's text in one language. <c>{event}</c> in <see cref="Subject"/> and <see cref="Paragraphs"/> stands for the
/// event's name; <c>{name}</c> in the greeting for the person's.
/// </summary>
internal sealed record MailTemplate(string Subject, IReadOnlyList<string> Paragraphs, IReadOnlyList<MailAction> Actions, string? Note);

/// <summary>The registration mails of one language, and the words around them.</summary>
internal sealed record RegistrationMailLanguage(
    string Language,
    bool RightToLeft,
    string Greeting,
    string SignOff,
    string Sender,
    IReadOnlyDictionary<RegistrationMailKind, MailTemplate> Templates,
    string AlsoIncluded,
    string PartHeld,
    string PartWaitlisted,
    string PartCancel)
{
    public const string EventPlaceholder = "{event}";
    public const string NamePlaceholder = "{name}";

    public static RegistrationMailLanguage English { get; } = new(
        "en",
        RightToLeft: false,
        Greeting: "Dear {name},",
        SignOff: "With best wishes,",
        Sender: "Iraqi Civil Society Solidarity Initiative (ICSSI)",
        new Dictionary<RegistrationMailKind, MailTemplate>
        {
            [RegistrationMailKind.ConfirmPlace] = new(
                "Please confirm your place at {event}",
                ["A place is held for you at {event}."],
                [
                    new("Please confirm your place with this link:", RegistrationLink.Confirm),
                    new("If you cannot come, cancel your registration with this link:", RegistrationLink.Cancel),
                ],
                "A place that is not confirmed may be given to someone on the waitlist. If you did not register, you can ignore this e-mail."),
            [RegistrationMailKind.Waitlisted] = new(
                "You are on the waitlist for {event}",
                ["{event} is full, so you are on the waitlist. We will e-mail you if a place frees up."],
                [
                    new("Please confirm your e-mail address with this link:", RegistrationLink.Confirm),
                    new("To leave the waitlist, cancel your registration with this link:", RegistrationLink.Cancel),
                ],
                "If you did not register, you can ignore this e-mail."),
            [RegistrationMailKind.Promoted] = new(
                "A place at {event} is now yours",
                ["A place has freed up at {event}, and it is now yours."],
                [
                    new("If you have not confirmed your e-mail address yet, please confirm it with this link:", RegistrationLink.Confirm),
                    new("If you can no longer come, please cancel your registration so that the place can go to someone else:", RegistrationLink.Cancel),
                ],
                null),
            [RegistrationMailKind.Cancelled] = new(
                "Your registration for {event} is cancelled",
                ["Your registration for {event} is cancelled. You do not need to do anything more."],
                [],
                null),
        },
        AlsoIncluded: "The same sign-up also covers these events (the confirm link above confirms them too):",
        PartHeld: "{event}: a place is held for you",
        PartWaitlisted: "{event}: you are on the waitlist",
        PartCancel: "To cancel this one:");

    public static RegistrationMailLanguage Arabic { get; } = new(
        "ar",
        RightToLeft: true,
        Greeting: "مرحبًا {name}،",
        SignOff: "مع أطيب التحيات،",
        Sender: "مبادرة التضامن مع المجتمع المدني العراقي (ICSSI)",
        new Dictionary<RegistrationMailKind, MailTemplate>
        {
            [RegistrationMailKind.ConfirmPlace] = new(
                "يُرجى تأكيد مكانك في {event}",
                ["حُجز لك مكان في {event}."],
                [
                    new("يُرجى تأكيد مكانك عبر هذا الرابط:", RegistrationLink.Confirm),
                    new("إن لم تتمكن من الحضور، يمكنك إلغاء تسجيلك عبر هذا الرابط:", RegistrationLink.Cancel),
                ],
                "قد يُمنح المكان غير المؤكَّد لشخص على قائمة الانتظار. إن لم تكن أنت من سجّل، يمكنك تجاهل هذه الرسالة."),
            [RegistrationMailKind.Waitlisted] = new(
                "أنت على قائمة الانتظار في {event}",
                ["اكتمل عدد المشاركين في {event}، لذا أُدرج اسمك في قائمة الانتظار. سنراسلك بالبريد الإلكتروني إذا شغر مكان."],
                [
                    new("يُرجى تأكيد عنوان بريدك الإلكتروني عبر هذا الرابط:", RegistrationLink.Confirm),
                    new("لمغادرة قائمة الانتظار، يمكنك إلغاء تسجيلك عبر هذا الرابط:", RegistrationLink.Cancel),
                ],
                "إن لم تكن أنت من سجّل، يمكنك تجاهل هذه الرسالة."),
            [RegistrationMailKind.Promoted] = new(
                "أصبح لك مكان في {event}",
                ["شغر مكان في {event}، وأصبح الآن لك."],
                [
                    new("إن لم تكن قد أكّدت عنوان بريدك الإلكتروني بعد، يُرجى تأكيده عبر هذا الرابط:", RegistrationLink.Confirm),
                    new("إن لم يعد بإمكانك الحضور، يُرجى إلغاء تسجيلك ليُتاح المكان لشخص آخر:", RegistrationLink.Cancel),
                ],
                null),
            [RegistrationMailKind.Cancelled] = new(
                "أُلغي تسجيلك في {event}",
                ["أُلغي تسجيلك في {event}. لا يلزمك القيام بأي شيء آخر."],
                [],
                null),
        },
        AlsoIncluded: "يشمل التسجيل نفسه أيضًا الفعاليات التالية (ويؤكدها رابط التأكيد أعلاه كذلك):",
        PartHeld: "{event}: حُجز لك مكان",
        PartWaitlisted: "{event}: أنت على قائمة الانتظار",
        PartCancel: "لإلغاء هذا التسجيل:");

    /// <summary>The English mails for a campaign sign-up: support to confirm, not a place at an event.</summary>
    public static RegistrationMailLanguage EnglishCampaigns { get; } = English with
    {
        Templates = new Dictionary<RegistrationMailKind, MailTemplate>(English.Templates)
        {
            [RegistrationMailKind.ConfirmPlace] = new(
                "Please confirm your sign-up for {event}",
                ["Thank you for signing up for the {event} campaign."],
                [
                    new("Please confirm your e-mail address with this link:", RegistrationLink.Confirm),
                    new("If you did not mean to sign up, or want to leave the campaign, cancel with this link:", RegistrationLink.Cancel),
                ],
                "If you did not sign up, you can ignore this e-mail."),
            [RegistrationMailKind.Cancelled] = new(
                "Your sign-up for {event} is cancelled",
                ["Your sign-up for the {event} campaign is cancelled. You do not need to do anything more."],
                [],
                null),
        },
        AlsoIncluded = "The same sign-up also covers these campaigns (the confirm link above confirms them too):",
        PartHeld = "{event}",
    };

    /// <summary>The Arabic mails for a campaign sign-up.</summary>
    public static RegistrationMailLanguage ArabicCampaigns { get; } = Arabic with
    {
        Templates = new Dictionary<RegistrationMailKind, MailTemplate>(Arabic.Templates)
        {
            [RegistrationMailKind.ConfirmPlace] = new(
                "يُرجى تأكيد انضمامك إلى حملة {event}",
                ["شكرًا لانضمامك إلى حملة {event}."],
                [
                    new("يُرجى تأكيد عنوان بريدك الإلكتروني عبر هذا الرابط:", RegistrationLink.Confirm),
                    new("إن لم تكن تقصد الانضمام، أو أردت مغادرة الحملة، يمكنك الإلغاء عبر هذا الرابط:", RegistrationLink.Cancel),
                ],
                "إن لم تكن أنت من سجّل، يمكنك تجاهل هذه الرسالة."),
            [RegistrationMailKind.Cancelled] = new(
                "أُلغي انضمامك إلى حملة {event}",
                ["أُلغي انضمامك إلى حملة {event}. لا يلزمك القيام بأي شيء آخر."],
                [],
                null),
        },
        AlsoIncluded = "يشمل الانضمام نفسه أيضًا الحملات التالية (ويؤكدها رابط التأكيد أعلاه كذلك):",
        PartHeld = "{event}",
    };

    /// <summary>
    /// The language a registration's culture is written to: Arabic for <c>ar</c> and its regional forms, English
    /// otherwise. Sorani Kurdish (<c>ckb</c>) has no translation yet, so it gets English, the hub's default language
    /// and the fallback Umbraco uses for Kurdish content too; add a <c>ckb</c> entry here once the texts exist.
    /// </summary>
    public static RegistrationMailLanguage For(string? culture, bool campaign = false)
    {
        var arabic = string.Equals((culture ?? string.Empty).Split('-', '_')[0], "ar", StringComparison.OrdinalIgnoreCase);
        return (arabic, campaign) switch
        {
            (true, true) => ArabicCampaigns,
            (true, false) => Arabic,
            (false, true) => EnglishCampaigns,
            (false, false) => English,
        };
    }
}
