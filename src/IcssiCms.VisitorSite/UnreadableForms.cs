using Microsoft.AspNetCore.Diagnostics;

namespace IcssiCms.VisitorSite;

/// <summary>
/// Reads a posted form before any page does, so that one ASP.NET Core cannot read (more fields than
/// <c>FormOptions.ValueCountLimit</c>, a name or value past its length limits, broken multipart, a body larger than
/// Kestrel takes) is a 400 (413 for the body) shown by the error page in the visitor's language. Left to the pages,
/// antiforgery made these a 400, but the error page, run again for the same request, read the form through model
/// binding, failed, and answered 500.
/// </summary>
public static class UnreadableForms
{
    public static async Task RefuseAsync(HttpContext context, RequestDelegate next)
    {
        // The error page run for a refused form does not read it again (the form feature would throw the same error).
        if (context.Request.HasFormContentType && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            catch (BadHttpRequestException ex)
            {
                context.Response.StatusCode = ex.StatusCode;
                return;
            }
        }

        await next(context);
    }
}
