namespace IcssiCms.Core.Registrations;

/// <summary>
/// The plugin's row in Umbraco's lock table (<c>umbracoLock</c>): a sign-up, cancellation or promotion takes it for
/// writing in its scope, so that counting an event's places and taking one happen as one step across every server of
/// a load-balanced site (Umbraco's distributed locking: a row lock on SQL Server, the database's write lock on SQLite).
/// Umbraco's own lock ids are negative.
/// </summary>
public static class RegistrationLock
{
    public const int Id = 7_420_001;

    public const string Name = "IcssiCms.Registrations";
}
