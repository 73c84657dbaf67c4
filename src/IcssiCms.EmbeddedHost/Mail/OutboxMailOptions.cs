namespace IcssiCms.EmbeddedHost.Mail;

/// <summary>How the outbox sender paces itself (<c>IcssiCms:RegistrationMail:Outbox</c>; the defaults suit most sites).</summary>
public sealed class OutboxMailOptions
{
    public const string SectionName = "IcssiCms:RegistrationMail:Outbox";

    /// <summary>How often the outbox is read when nobody signals: a lost signal delays a mail by at most this.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after a first failure; it doubles with every further one, up to <see cref="MaximumRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaximumRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many rows are read at a time.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>When a mail that has failed <paramref name="attempts"/> times is tried again: exponential, capped.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var delay = FirstRetryDelay.Ticks * Math.Pow(2, doublings);
        return delay >= MaximumRetryDelay.Ticks ? MaximumRetryDelay : TimeSpan.FromTicks((long)delay);
    }
}
