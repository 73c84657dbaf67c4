using Microsoft.AspNetCore.Http;

namespace IcssiCms.Core.Forms.Delivery;

/// <summary>The problem+json answers of the Forms and registration endpoints; each names what is wrong.</summary>
public static class Problems
{
    public static IResult BadRequest(string member, string detail) => Results.Problem(
        title: $"Invalid '{member}'", detail: detail, statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["member"] = member });

    public static IResult NotFound(string detail) => Results.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult Unauthorized(string detail) => Results.Problem(title: "Unauthorized", detail: detail, statusCode: StatusCodes.Status401Unauthorized);

    public static IResult Conflict(string detail) => Results.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);

    public static IResult UnsupportedMediaType(string detail) =>
        Results.Problem(title: "Unsupported media type", detail: detail, statusCode: StatusCodes.Status415UnsupportedMediaType);

    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors) => Results.ValidationProblem(
        errors.ToDictionary(e => e.Key, e => e.Value), title: "The form has errors", statusCode: StatusCodes.Status422UnprocessableEntity);

    public static IResult TooManyRequests(HttpContext context, TimeSpan retryAfter, string detail)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(title: "Too many requests", detail: detail, statusCode: StatusCodes.Status429TooManyRequests);
    }
}
