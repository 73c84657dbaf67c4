using Asp.Versioning;
using IcssiCms.Core.BackOffice;
using IcssiCms.Core.Usync.Exporting;
using IcssiCms.Core.Usync.Planning;
using IcssiCms.Usync.Model;
using IcssiCms.Usync.Planning;
using IcssiCms.Usync.Transfer;
using IcssiCms.Usync.Writing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Umbraco.Cms.Api.Management.Controllers;
using Umbraco.Cms.Api.Management.Routing;
using Umbraco.Cms.Core.Hosting;
using Umbraco.Cms.Web.Common.Authorization;

namespace IcssiCms.Core.Usync.Api;

/// <summary>
/// uSync for the <c>usync</c> command line, as Management API endpoints (an Umbraco API user with client credentials,
/// in a group with the Settings section): <c>plan</c> takes a folder as a zip and answers what importing it would change;
/// <c>apply</c> takes the plan and the same folder and applies exactly the plan, or nothing; <c>export</c> answers the
/// site's items as uSync files in a zip. Folders are unpacked into a temporary folder of their own, checked entry by
/// entry first (<see cref="UsyncArchive"/>), and deleted afterwards.
/// </summary>
[ApiVersion("1.0")]
[VersionedApiBackOfficeRoute(Route)]
[ApiExplorerSettings(GroupName = "ICSSI uSync")]
[Authorize(Policy = AuthorizationPolicies.SectionAccessSettings)]
[ResponseCache(NoStore = true)]
public sealed class UsyncApiController(
    SitePlanner planner,
    SitePlanApplier applier,
    UsyncExporter exporter,
    IHostingEnvironment hosting) : ManagementApiControllerBase
{
    public const string Route = "icssi/usync";

    /// <summary>The largest request: a folder of about 100,000 items, zipped.</summary>
    public const long MaxRequestBytes = 256L << 20;

    /// <summary>
    /// What importing a folder would change: the folder zipped as the request's body (<c>application/zip</c>); or a form
    /// with the folder's <c>manifest</c> (every item file's path and SHA-256, as JSON) and a <c>folder</c> zip holding
    /// <c>usync.config</c> and the files the site does not hold as they are, which it answers with 409 and the
    /// <c>missing</c> files to send when it lacks any, and with a plan without its file hashes (the manifest's) otherwise.
    /// </summary>
    [HttpPost("plan")]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    [ProducesResponseType<UsyncPlan>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Plan(CancellationToken cancellationToken)
    {
        UsyncManifest? manifest = null;
        Stream body;
        if (Request.HasFormContentType)
        {
            var (form, formProblem) = await ReadFormAsync(cancellationToken);
            if (formProblem is not null)
            {
                return formProblem;
            }

            if (form!.Files.GetFile("manifest") is not { } manifestFile)
            {
                return BackOfficeProblems.Create(StatusCodes.Status400BadRequest, "manifest", "The form has no 'manifest' file: send every file's path and SHA-256 as JSON.");
            }

            var (json, textProblem) = await ReadTextAsync(manifestFile, "manifest", cancellationToken);
            if (textProblem is not null)
            {
                return textProblem;
            }

            (manifest, var manifestProblem) = UsyncManifest.FromJson(json!, UsyncArchiveLimits.Default);
            if (manifest is null)
            {
                return BackOfficeProblems.Create(StatusCodes.Status400BadRequest, "manifest", $"The manifest is not usable: {manifestProblem}.");
            }

            if (form.Files.GetFile("folder") is not { } folderFile)
            {
                return BackOfficeProblems.Create(StatusCodes.Status400BadRequest, "folder", "The form has no 'folder' file: send usync.config and the files the site asks for, zipped.");
            }

            body = folderFile.OpenReadStream();
        }
        else if (string.Equals(Request.ContentType?.Split(';')[0].Trim(), UsyncArchive.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            body = Request.Body;
        }
        else
        {
            return BackOfficeProblems.Create(StatusCodes.Status415UnsupportedMediaType, null,
                $"Send the folder zipped, as {UsyncArchive.ContentType}, or a form with its manifest and the files the site asks for.");
        }

        var (entries, problem) = await UploadedArchive.ReadAsync(body, "folder", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var folder = UploadedFolder.Create(hosting, entries!);
        var result = await planner.PlanAsync(manifest, folder.Path, SiteAddress, cancellationToken);
        if (result.Missing.Count > 0)
        {
            var missing = BackOfficeProblems.Create(StatusCodes.Status409Conflict, "folder",
                $"The site does not hold {result.Missing.Count} of the folder's files as they are: send them.");
            ((ProblemDetails)missing.Value!).Extensions["missing"] = result.Missing;
            return missing;
        }

        // Sent a manifest, the command line has the folder's hashes already: the plan comes back without them.
        return result.Plan is { } plan
            ? Content((plan with { Folder = "", FileHashes = manifest is null ? plan.FileHashes : new Dictionary<string, string>() }).ToJson(), "application/json")
            : FolderProblems(result.Problems);
    }

    /// <summary>
    /// Applies a plan (the form's <c>plan</c>, as <c>plan</c> answered it) made from the folder (the form's
    /// <c>folder</c>, zipped), exactly, or nothing: 409 with the reasons when the folder or the site changed since the
    /// plan, or when it is destructive and <paramref name="allowDestructive"/> is not set. With the form's
    /// <c>partial</c> set to <c>true</c>, the zip holds only some of the plan's files (its changes' files, the delete
    /// markers and <c>usync.config</c>), and the site takes the rest from its own copies, by the hashes the plan lists;
    /// 409 with <c>FilesMissing</c> and the files to send when it lacks any.
    /// </summary>
    [HttpPost("apply")]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    [ProducesResponseType<UsyncApplyAnswer>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Apply([FromQuery] bool allowDestructive, CancellationToken cancellationToken)
    {
        var (form, formProblem) = await ReadFormAsync(cancellationToken);
        if (formProblem is not null)
        {
            return formProblem;
        }

        if (form!.Files.GetFile("plan") is not { } planFile)
        {
            return BackOfficeProblems.Create(StatusCodes.Status400BadRequest, "plan", "The form has no 'plan' file: send the plan usync plan wrote.");
        }

        if (form.Files.GetFile("folder") is not { } folderFile)
        {
            return BackOfficeProblems.Create(StatusCodes.Status400BadRequest, "folder", "The form has no 'folder' file: send the folder the plan was made from, zipped.");
        }

        var (planJson, textProblem) = await ReadTextAsync(planFile, "plan", cancellationToken);
        if (textProblem is not null)
        {
            return textProblem;
        }

        var partial = form["partial"].ToString() switch
        {
            "" or "false" => false,
            "true" => true,
            _ => (bool?)null,
        };
        if (partial is null)
        {
            return BackOfficeProblems.Create(StatusCodes.Status400BadRequest, "partial", "'partial' is true or false.");
        }

        var (plan, planProblem) = UsyncPlan.FromJson(planJson!);
        if (plan is null)
        {
            return BackOfficeProblems.Create(StatusCodes.Status400BadRequest, "plan", $"The plan is not usable: {planProblem}.");
        }

        await using var archive = folderFile.OpenReadStream();
        var (entries, archiveProblem) = await UploadedArchive.ReadAsync(archive, "folder", cancellationToken);
        if (archiveProblem is not null)
        {
            return archiveProblem;
        }

        using var folder = UploadedFolder.Create(hosting, entries!);
        var result = await applier.ApplyAsync(plan, folder.Path, partial.Value, allowDestructive, cancellationToken);
        var answer = new UsyncApplyAnswer(
            result.Outcome.ToString(),
            result.Reasons,
            result.Problems.Select(UsyncProblemAnswer.Of).ToList(),
            plan.Changes.Count,
            (long)result.Elapsed.TotalMilliseconds)
        {
            Missing = result.Missing,
        };
        return result.Outcome switch
        {
            ApplyOutcome.Applied => Ok(answer),
            ApplyOutcome.Invalid => StatusCode(StatusCodes.Status422UnprocessableEntity, answer),
            _ => StatusCode(StatusCodes.Status409Conflict, answer),
        };
    }

    /// <summary>The site's schema, and its content with <paramref name="content"/>, as uSync files in a zip.</summary>
    [HttpGet("export")]
    [Produces(UsyncArchive.ContentType)]
    public async Task<IActionResult> Export([FromQuery] bool content, CancellationToken cancellationToken)
    {
        var options = content ? UsyncWriteOptions.SchemaAndContent : UsyncWriteOptions.Schema;
        var set = await exporter.ReadAsync(options.Handlers, cancellationToken);
        var files = new UsyncFolderWriter().Render(set, options).Select(f => new UsyncArchiveEntry(f.Path, f.Bytes));
        var zip = new MemoryStream();
        UsyncArchive.Pack(files, zip);
        zip.Position = 0;
        return File(zip, UsyncArchive.ContentType, "usync.zip");
    }

    private string SiteAddress => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";

    private async Task<(IFormCollection? Form, IActionResult? Problem)> ReadFormAsync(CancellationToken cancellationToken)
    {
        if (!Request.HasFormContentType)
        {
            return (null, BackOfficeProblems.Create(StatusCodes.Status415UnsupportedMediaType, null, "Send multipart/form-data with the files 'plan' and 'folder'."));
        }

        try
        {
            return (await Request.ReadFormAsync(cancellationToken), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, BackOfficeProblems.Create(
                ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                null, $"The form could not be read: {ex.Message}"));
        }
    }

    private static async Task<(string? Text, IActionResult? Problem)> ReadTextAsync(IFormFile file, string member, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file.OpenReadStream(), new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
        try
        {
            return (await reader.ReadToEndAsync(cancellationToken), null);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return (null, BackOfficeProblems.Create(StatusCodes.Status400BadRequest, member, $"The {member} is not UTF-8 text."));
        }
    }

    private static ObjectResult FolderProblems(IReadOnlyList<UsyncProblem> problems)
    {
        var problem = BackOfficeProblems.Create(StatusCodes.Status422UnprocessableEntity, "folder",
            $"The folder has {problems.Count} problems; an import would refuse it whole.");
        ((ProblemDetails)problem.Value!).Extensions["problems"] = problems.Select(UsyncProblemAnswer.Of).ToList();
        return problem;
    }
}

/// <summary>What <c>apply</c> answers: its outcome, why it refused, the folder's problems, and how long it took.</summary>
public sealed record UsyncApplyAnswer(string Outcome, IReadOnlyList<string> Reasons, IReadOnlyList<UsyncProblemAnswer> Problems, int Changes, long ElapsedMilliseconds)
{
    /// <summary>For <c>FilesMissing</c>, the files to send.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
}

/// <summary>A problem of the folder, with its file and line.</summary>
public sealed record UsyncProblemAnswer(string File, int Line, string Message)
{
    public static UsyncProblemAnswer Of(UsyncProblem problem) => new(problem.Source.File, problem.Source.Line, problem.Message);
}
