using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;

namespace IcssiCms.Core.Delivery;

/// <summary>
/// Runs before Umbraco's Delivery API actions read their query. It refuses, with a 400 problem naming the parameter,
/// what Umbraco 18 would answer with a 500: a <c>skip</c> or <c>take</c> that is not a whole number of 0 or more, and an
/// <c>expand</c> or <c>fields</c> whose brackets do not balance. And it reads the query string afresh: ASP.NET Core's
/// output cache sorts repeated query values in place while it makes its cache key, so that with the cache on Umbraco
/// would apply two <c>sort</c>s, or return <c>items?id=…</c>, in alphabetical order instead of the order asked for.
/// </summary>
public sealed class DeliveryApiRequestFilter : IAsyncResourceFilter
{
    private const string DeliveryApiNamespace = "Umbraco.Cms.Api.Delivery";

    private static readonly string[] Counts = ["skip", "take"];
    private static readonly string[] Bracketed = ["expand", "fields"];

    public Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (context.ActionDescriptor is not ControllerActionDescriptor action
            || action.ControllerTypeInfo.Namespace?.StartsWith(DeliveryApiNamespace, StringComparison.Ordinal) != true)
        {
            return next();
        }

        var request = context.HttpContext.Request;
        request.Query = new QueryCollection(QueryHelpers.ParseQuery(request.QueryString.Value));

        foreach (var parameter in Counts)
        {
            foreach (var value in request.Query[parameter])
            {
                if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    context.Result = Problem(parameter, $"'{parameter}' must be a whole number of 0 or more; it was '{value}'.");
                    return Task.CompletedTask;
                }
            }
        }

        foreach (var parameter in Bracketed)
        {
            foreach (var value in request.Query[parameter])
            {
                if (!BracketsBalance(value ?? string.Empty))
                {
                    context.Result = Problem(parameter, $"The brackets of '{parameter}' do not balance: '{value}'.");
                    return Task.CompletedTask;
                }
            }
        }

        return next();
    }

    internal static bool BracketsBalance(string value)
    {
        var depth = 0;
        foreach (var character in value)
        {
            depth += character switch { '[' => 1, ']' => -1, _ => 0 };
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    private static ObjectResult Problem(string parameter, string detail) =>
        new(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid query parameter",
            Detail = detail,
            Extensions = { ["parameter"] = parameter },
        })
        {
            StatusCode = StatusCodes.Status400BadRequest,
            ContentTypes = { "application/problem+json" },
        };
}
