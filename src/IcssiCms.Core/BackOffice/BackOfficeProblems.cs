using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace IcssiCms.Core.BackOffice;

/// <summary>The problem+json answers of the plugin's Management API endpoints; each names what is wrong in <c>member</c>.</summary>
public static class BackOfficeProblems
{
    public static ObjectResult Create(int status, string? member, string detail)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = member is null ? ReasonOf(status) : $"Invalid '{member}'",
            Detail = detail,
        };
        if (member is not null)
        {
            problem.Extensions["member"] = member;
        }

        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }

    private static string ReasonOf(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
