using IcssiCms.Core.Registrations.Mail;

namespace IcssiCms.UnitTests.Core.Registrations;

/// <summary>
/// How long a registration e-mail that could not be sent waits before the next attempt (the attempts themselves are run
/// against the Umbraco site, in RegistrationMailTests).
/// </summary>
public sealed class RegistrationOutboxJobTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(11, 1024)]
    [InlineData(12, 1440)]
    [InlineData(1000, 1440)]
    public void The_Wait_Doubles_With_Each_Attempt_Up_To_A_Day(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), RegistrationOutboxJob.RetryDelay(attempts));
}
