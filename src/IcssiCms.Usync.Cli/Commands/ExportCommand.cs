using System.CommandLine;
using IcssiCms.Usync.Writing;

namespace IcssiCms.Usync.Cli.Commands;

/// <summary>
/// <c>usync export [folder] --site … [--content] [--clean]</c>: writes the site's items as uSync 17 writes them. The
/// same site always gives the same bytes, and a file whose bytes would not change is not touched, so git diffs stay small.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CommandOutput output)
    {
        var folder = CommonOptions.Folder("The folder to write (created if need be)");
        var site = CommonOptions.Site("The site to export");
        var clientId = CommonOptions.ClientId();
        var content = new Option<bool>("--content")
        {
            Description = "Export the content tree (draft values) as well as the schema.",
        };
        var clean = new Option<bool>("--clean")
        {
            Description = "Delete the *.config files under the exported handlers' folders that the site no longer has.",
        };
        var command = new Command("export",
            "Writes the site's schema (languages, dictionary, data types, document types, forms), and its content with --content, " +
            "as uSync 17 files: deterministic (the same site gives the same bytes) and in a stable order; unchanged files are left alone.")
        {
            folder,
            site,
            clientId,
            content,
            clean,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            output, parse.GetValue(folder)!, parse.GetValue(site)!, parse.GetValue(clientId), parse.GetValue(content), parse.GetValue(clean), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandOutput output, string folder, string site, string? clientId, bool content, bool clean, CancellationToken cancellationToken)
    {
        using var client = await CommonOptions.ConnectAsync(site, clientId, cancellationToken);
        var options = (content ? UsyncWriteOptions.SchemaAndContent : UsyncWriteOptions.Schema) with { Clean = clean };
        var files = await output.StepAsync($"Exporting {client.Site} to {folder}", () => client.ExportAsync(content, cancellationToken));
        var result = new UsyncFolderWriter().WriteFiles(files.Select(f => new UsyncOutputFile(f.Path, null, f.Bytes)).ToList(), folder, options);

        foreach (var path in result.Written)
        {
            output.Line($"  written    {path}", Tone.Added);
        }

        foreach (var path in result.Deleted)
        {
            output.Line($"  deleted    {path}", Tone.Removed);
        }

        output.Line(
            $"Exported {(content ? "schema and content" : "schema")} to {folder}: {result.Written.Count} written, {result.Unchanged.Count} unchanged, {result.Deleted.Count} deleted.",
            Tone.Strong);
        return ExitCodes.Success;
    }
}
