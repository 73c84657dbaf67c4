using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace IcssiCms.VisitorSite.Pages;

/// <summary>
/// A request to a page with no handler for its method (a post to a page that only shows) is a 405. Razor Pages would
/// otherwise render the page without running any handler.
/// </summary>
public sealed class MethodNotAllowedFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null)
        {
            var methods = context.ActionDescriptor.HandlerMethods.Select(handler => handler.HttpMethod.ToUpperInvariant()).Distinct().ToList();
            if (methods.Contains("GET"))
            {
                methods.Add("HEAD");
            }

            context.HttpContext.Response.Headers.Allow = string.Join(", ", methods);
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }

        await next();
    }
}
