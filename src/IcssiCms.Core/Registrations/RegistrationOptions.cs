namespace IcssiCms.Core.Registrations;

/// <summary>Registrations: links in e-mails, how long unconfirmed places and records are kept, abuse limits.</summary>
public sealed class RegistrationOptions
{
    public const string SectionName = "IcssiCms:Registrations";

    /// <summary>
    /// The page the e-mailed links open, with <c>{action}</c> (confirm or cancel) and <c>{token}</c> placeholders.
    /// Blank: the site's own confirmation page.
    /// </summary>
    public string LinkTemplate { get; set; } = string.Empty;

    /// <summary>The site's public address, for links when no <see cref="LinkTemplate"/> is set.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>A held place not confirmed within this time is released to the waitlist.</summary>
    public TimeSpan ConfirmWithin { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Records and registrations older than this are deleted by the retention job.</summary>
    public TimeSpan RetainFor { get; set; } = TimeSpan.FromDays(365);

    public bool RetentionEnabled { get; set; } = true;

    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the outbox is sent (Umbraco's distributed jobs are checked every <c>Umbraco:CMS:DistributedJobs:Period</c>).</summary>
    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A repeat sign-up re-sends the e-mail only when the last one is older than this.</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromMinutes(10);

    public AbuseOptions Abuse { get; set; } = new();
}

/// <summary>Limits on submissions: a honeypot, a minimum time between showing the form and submitting it, rate limits.</summary>
public sealed class AbuseOptions
{
    /// <summary>Submissions must carry the form token from the token endpoint in <c>additionalData.formToken</c>.</summary>
    public bool RequireFormToken { get; set; } = true;

    public TimeSpan MinimumTimeToSubmit { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan FormTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    public int PerIpPermitLimit { get; set; } = 20;

    public TimeSpan PerIpWindow { get; set; } = TimeSpan.FromMinutes(10);

    public int PerFormPermitLimit { get; set; } = 200;

    public TimeSpan PerFormWindow { get; set; } = TimeSpan.FromSeconds(1);
}
