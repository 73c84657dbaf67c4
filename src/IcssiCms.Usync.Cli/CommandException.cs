namespace IcssiCms.Usync.Cli;

/// <summary>A command that cannot run, with the reason to print (exit code <see cref="ExitCodes.Error"/>).</summary>
internal sealed class CommandException(string message) : Exception(message);
