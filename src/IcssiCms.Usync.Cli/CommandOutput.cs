using Spectre.Console;

namespace IcssiCms.Usync.Cli;

/// <summary>How a line is shown on a terminal; in plain output every kind is the bare text.</summary>
internal enum Tone
{
    Plain,
    Added,
    Changed,
    Removed,
    Warning,
    Quiet,
    Strong,
}

/// <summary>
/// Where a command writes. On an interactive terminal, results are coloured and long steps show a Spectre.Console
/// status spinner; when output is redirected or <c>CI</c> is set, every line is plain text and each step is announced
/// on a line of its own, so that CI logs read top to bottom. Errors always go to the error writer, uncoloured.
/// </summary>
internal sealed class CommandOutput(TextWriter output, TextWriter error, IAnsiConsole? terminal)
{
    public TextWriter Out => output;

    public TextWriter Error => error;

    public bool Interactive => terminal is not null;

    /// <summary>Runs a step: under a spinner on a terminal, after a "message…" line otherwise.</summary>
    public async Task<T> StepAsync<T>(string message, Func<Task<T>> work)
    {
        if (terminal is null)
        {
            await output.WriteLineAsync(message + "…");
            return await work();
        }

        return await terminal.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(message) + "…", _ => work());
    }

    public void Line(string text = "", Tone tone = Tone.Plain)
    {
        if (terminal is null)
        {
            output.WriteLine(text);
            return;
        }

        var style = tone switch
        {
            Tone.Added => "green",
            Tone.Changed => "yellow",
            Tone.Removed => "red",
            Tone.Warning => "bold red",
            Tone.Quiet => "grey",
            Tone.Strong => "bold",
            _ => null,
        };
        terminal.MarkupLine(style is null ? Markup.Escape(text) : $"[{style}]{Markup.Escape(text)}[/]");
    }

    public void ErrorLine(string text) => error.WriteLine(text);
}
