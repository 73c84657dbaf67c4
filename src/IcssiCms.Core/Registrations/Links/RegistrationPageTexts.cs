namespace IcssiCms.Core.Registrations.Links;

/// <summary>The words of the page an e-mailed link opens. Sorani Kurdish has no translation yet and is shown in English.</summary>
public sealed record RegistrationPageTexts(
    string Lang, string Dir, string Title, string ConfirmQuestion, string CancelQuestion, string ConfirmButton, string CancelButton,
    string Confirmed, string ConfirmedWaitlisted, string Cancelled, string Closed, string Unknown)
{
    private static readonly RegistrationPageTexts English = new(
        "en", "ltr", "ICSSI registration",
        "Confirm your registration for {0}?", "Cancel your registration for {0}?", "Confirm", "Cancel my registration",
        "Your registration for {0} is confirmed.", "Your e-mail address is confirmed. You are on the waitlist for {0}; we will e-mail you if a place frees.",
        "Your registration for {0} is cancelled.", "This registration for {0} was cancelled or has expired; please register again.",
        "This link is not valid, or the registration no longer exists.");

    private static readonly RegistrationPageTexts Arabic = new(
        "ar", "rtl", "التسجيل في مبادرة التضامن مع المجتمع المدني العراقي",
        "هل تريد تأكيد تسجيلك في {0}؟", "هل تريد إلغاء تسجيلك في {0}؟", "تأكيد", "إلغاء تسجيلي",
        "تم تأكيد تسجيلك في {0}.", "تم تأكيد بريدك الإلكتروني. أنت على قائمة الانتظار لـ {0}، وسنراسلك إذا توفّر مكان.",
        "تم إلغاء تسجيلك في {0}.", "أُلغي هذا التسجيل في {0} أو انتهت صلاحيته؛ يُرجى التسجيل من جديد.",
        "هذا الرابط غير صالح، أو أن التسجيل لم يعد موجودًا.");

    public static RegistrationPageTexts For(string? culture) =>
        culture is not null && culture.StartsWith("ar", StringComparison.OrdinalIgnoreCase) ? Arabic : English;
}
