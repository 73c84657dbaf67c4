using System.CommandLine;
using IcssiCms.Store.Reading;
using IcssiCms.Usync.Writing;
using Microsoft.EntityFrameworkCore;

namespace IcssiCms.Usync.Cli.Commands;

/// <summary>
/// <c>usync export [folder] --source … [--content] [--clean]</c>: writes the store as uSync 17 writes it. The same
/// store always gives the same bytes, and a file whose bytes would not change is not touched, so git diffs stay small.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CommandOutput output)
    {
        var folder = CommonOptions.Folder("The folder to write (created if need be)");
        var source = CommonOptions.Store("--source", "The store to export");
        var content = new Option<bool>("--content")
        {
            Description = "Export the content tree (draft values) as well as the schema.",
        };
        var clean = new Option<bool>("--clean")
        {
            Description = "Delete the *.config files under the exported handlers' folders that the store no longer has.",
        };
        var command = new Command("export",
            "Writes the store's schema (languages, dictionary, data types, document types, forms), and its content with --content, " +
            "as uSync 17 files: deterministic (the same store gives the same bytes) and in a stable order; unchanged files are left alone.")
        {
            folder,
            source,
            content,
            clean,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            output, parse.GetValue(folder)!, parse.GetValue(source)!, parse.GetValue(content), parse.GetValue(clean), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandOutput output, string folder, string source, bool content, bool clean, CancellationToken cancellationToken)
    {
        await using var db = await StoreTarget.OpenAsync(source, cancellationToken);
        var options = (content ? UsyncWriteOptions.SchemaAndContent : UsyncWriteOptions.Schema) with { Clean = clean };
        var result = await output.StepAsync($"Exporting {db.Database.GetDbConnection().DataSource} to {folder}", async () =>
        {
            var set = (await new StoreSetReader(db).ReadAsync(cancellationToken)).ToSet(ContentVersion.Draft);
            return new UsyncFolderWriter().Write(set, folder, options);
        });

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
