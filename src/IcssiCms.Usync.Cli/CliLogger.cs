using Microsoft.Extensions.Logging;

namespace IcssiCms.Usync.Cli;

/// <summary>
/// The importer's and planner's logs, at Warning and above, as plain lines on the error writer; their
/// Information lines would only repeat what the command prints.
/// </summary>
internal sealed class CliLogger<T>(TextWriter error) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            error.WriteLine($"{(logLevel >= LogLevel.Error ? "error" : "warning")}: {formatter(state, exception)}");
        }
    }
}
