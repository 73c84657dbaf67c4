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

    /// <summary>What importing the zipped folder (the request's body, <c>application/zip</c>) would change.</summary>
    [HttpPost("plan")]
    [RequestSizeLimit(MaxRequestBytes)]
    [ProducesResponseType<UsyncPlan>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Plan(CancellationToken cancellationToken)
    {
        if (!string.Equals(Request.ContentType?.Split(';')[0].Trim(), UsyncArchive.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return BackOfficeProblems.Create(StatusCodes.Status415UnsupportedMediaType, null, $"Send the folder zipped, as {UsyncArchive.ContentType}.");
        }

        var (entries, problem) = await UploadedArchive.ReadAsync(Request.Body, "folder", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using var folder = UploadedFolder.Create(hosting, entries!);
        var result = await planner.PlanAsync(folder.Path, SiteAddress, cancellationToken);
        return result.Plan is { } plan
            ? Content((plan with { Folder = "" }).ToJson(), "application/json")
            : FolderProblems(result.Problems);
    }

    /// <summary>
    /// Applies a plan (the form's <c>plan</c>, as <c>plan</c> answered it) made from the folder (the form's
    /// <c>folder</c>, zipped), exactly, or nothing: 409 with the reasons when the folder or the site changed since the
    /// plan, or when it is destructive and <paramref name="allowDestructive"/> is not set.
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

        string planJson;
        using (var reader = new StreamReader(planFile.OpenReadStream(), new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                planJson = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (System.Text.DecoderFallbackException)
            {
                return BackOfficeProblems.Create(StatusCodes.Status400BadRequest, "plan", "The plan is not UTF-8 text.");
            }
        }

        var (plan, planProblem) = UsyncPlan.FromJson(planJson);
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
        var result = await applier.ApplyAsync(plan, folder.Path, allowDestructive, cancellationToken);
        var answer = new UsyncApplyAnswer(
            result.Outcome.ToString(),
            result.Reasons,
            result.Problems.Select(UsyncProblemAnswer.Of).ToList(),
            plan.Changes.Count,
            (long)result.Elapsed.TotalMilliseconds);
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

    private static ObjectResult FolderProblems(IReadOnlyList<UsyncProblem> problems)
    {
        var problem = BackOfficeProblems.Create(StatusCodes.Status422UnprocessableEntity, "folder",
            $"The folder has {problems.Count} problems; an import would refuse it whole.");
        ((ProblemDetails)problem.Value!).Extensions["problems"] = problems.Select(UsyncProblemAnswer.Of).ToList();
        return problem;
    }
}

/// <summary>What <c>apply</c> answers: its outcome, why it refused, the folder's problems, and how long it took.</summary>
public sealed record UsyncApplyAnswer(string Outcome, IReadOnlyList<string> Reasons, IReadOnlyList<UsyncProblemAnswer> Problems, int Changes, long ElapsedMilliseconds);

/// <summary>A problem of the folder, with its file and line.</summary>
public sealed record UsyncProblemAnswer(string File, int Line, string Message)
{
    public static UsyncProblemAnswer Of(UsyncProblem problem) => new(problem.Source.File, problem.Source.Line, problem.Message);
}
