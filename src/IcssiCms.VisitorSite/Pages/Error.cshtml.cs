using System.Globalization;
using IcssiCms.VisitorSite.Hub;
using IcssiCms.VisitorSite.Languages;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace IcssiCms.VisitorSite.Pages;

/// <summary>
/// What a visitor sees instead of a stack trace: "not found", "the hub is not answering" (503, with Retry-After), or
/// "something went wrong", in the language of the address they asked for. The cause is logged, not shown.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SiteText> text, ILogger<ErrorModel> logger) : SitePage
{
    public string Message { get; private set; } = string.Empty;

    public override bool NeedsHub => false;

    /// <summary>
    /// The page answers whatever method the failed request had (a form post, a PUT…) and binds nothing from it: a form
    /// the request carried may be one that cannot be read.
    /// </summary>
    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        context.Result = Show();
        return Task.CompletedTask;
    }

    private IActionResult Show()
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var statusFeature = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var originalPath = exception?.Path ?? statusFeature?.OriginalPath ?? Request.Path.Value;
        var status = statusFeature?.OriginalStatusCode;
        UseLanguage(SiteLanguage.FromPath(originalPath)?.Code);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Language.Culture;

        if (exception?.Error is HubUnavailableException unavailable)
        {
            logger.LogWarning(unavailable, "Page {Path}: the hub is unavailable", originalPath);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
            (Title, Message) = (text["HubUnavailableTitle"], text["HubUnavailable"]);
        }
        else if (exception is not null)
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            (Title, Message) = (text["ErrorTitle"], text["Error"]);
        }
        else if (status is null or StatusCodes.Status404NotFound)
        {
            // Asked for directly, /error is no page.
            Response.StatusCode = StatusCodes.Status404NotFound;
            (Title, Message) = (text["NotFoundTitle"], text["NotFound"]);
        }
        else if (status is >= 400 and < 500)
        {
            Response.StatusCode = status.Value;
            (Title, Message) = (text["BadRequestTitle"], text["BadRequest"]);
        }
        else
        {
            Response.StatusCode = status is >= 500 and < 600 ? status.Value : StatusCodes.Status500InternalServerError;
            (Title, Message) = (text["ErrorTitle"], text["Error"]);
        }

        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
