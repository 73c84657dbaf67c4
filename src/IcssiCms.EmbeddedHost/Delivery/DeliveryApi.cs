using IcssiCms.EmbeddedHost.Delivery.Rendering;
using IcssiCms.EmbeddedHost.Delivery.Snapshot;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Cms.Core.Models.DeliveryApi;
using Umbraco.Cms.Core.Services.OperationStatus;

namespace IcssiCms.EmbeddedHost.Delivery;

/// <summary>The content part of Umbraco's Delivery API v2, under Umbraco's own paths.</summary>
public static class DeliveryApi
{
    public const string BasePath = "/umbraco/delivery/api/v2/content";
    public const int DefaultTake = 10;

    public static IEndpointRouteBuilder MapDeliveryApi(this IEndpointRouteBuilder endpoints)
    {
        var content = endpoints.MapGroup(BasePath)
            .AddEndpointFilter<DeliveryApiAccessFilter>()
            .CacheOutput(DeliveryApiOutputCachePolicy.PolicyName)
            .WithTags("Content");

        content.MapGet("", Query).WithName("GetContent2.0").WithSummary("Gets content item(s) from a query.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status404NotFound);
        content.MapGet("/item/{id:guid}", ById).WithName("GetContentItemById2.0").WithSummary("Gets a content item by id.")
            .Produces(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status403Forbidden);
        content.MapGet("/item/{**path}", ByPath).WithName("GetContentItemByPath2.0").WithSummary("Gets a content item by route.")
            .Produces(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status403Forbidden);
        content.MapGet("/items", ByIds).WithName("GetContentItems2.0").WithSummary("Gets content items by ids.")
            .Produces(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status403Forbidden);
        return endpoints;
    }

    /// <summary>The query string of the query endpoint.</summary>
    public sealed record ContentQuery(
        [FromQuery(Name = "fetch")] string? Fetch,
        [FromQuery(Name = "filter")] string[]? Filter,
        [FromQuery(Name = "sort")] string[]? Sort,
        [FromQuery(Name = "expand")] string? Expand,
        [FromQuery(Name = "fields")] string? Fields,
        [FromQuery(Name = "skip")] int Skip = 0,
        [FromQuery(Name = "take")] int Take = DefaultTake);

    /// <summary>The output parameters every endpoint takes.</summary>
    public sealed record OutputQuery([FromQuery(Name = "expand")] string? Expand, [FromQuery(Name = "fields")] string? Fields);

    private static Results<Ok<PagedContentResponse>, ProblemHttpResult> Query(
        [AsParameters] ContentQuery query,
        IApiContentQueryService queries,
        IEnumerable<IFilterHandler> filterHandlers,
        IEnumerable<ISortHandler> sortHandlers,
        IRequestCultureService cultures,
        ContentResponseBuilder responses)
    {
        if (!TryReadOutput(query.Expand, query.Fields, out var expand, out var fields, out var invalid))
        {
            return invalid;
        }

        var skip = query.Skip;
        var take = query.Take;
        if (skip < 0)
        {
            return Problem("Invalid skip", $"The skip '{skip}' is not valid: skip must be 0 or more.", "skip");
        }

        if (take < 0)
        {
            return Problem("Invalid take", $"The take '{take}' is not valid: take must be 0 or more.", "take");
        }

        var filters = query.Filter ?? [];
        var sorts = query.Sort ?? [];
        var result = queries.ExecuteQuery(query.Fetch, filters, sorts, ProtectedAccess.None, skip, take);
        switch (result.Status)
        {
            case ApiContentQueryOperationStatus.SelectorOptionNotFound:
                return Problem("Selector option not found", $"The fetch '{query.Fetch}' is not supported.", "fetch");
            case ApiContentQueryOperationStatus.FilterOptionNotFound:
                var filter = filters.FirstOrDefault(f => !filterHandlers.Any(h => h.CanHandle(f)));
                return Problem("Filter option not found", $"The filter '{filter}' is not supported.", "filter");
            case ApiContentQueryOperationStatus.SortOptionNotFound:
                var sort = sorts.FirstOrDefault(s => !sortHandlers.Any(h => h.CanHandle(s)));
                return Problem("Sort option not found", $"The sort '{sort}' is not supported.", "sort");
        }

        var culture = cultures.GetRequestedCulture() ?? string.Empty;
        var items = result.Result!.Items.Select(key => responses.Build(key, culture, expand, fields)).OfType<ContentItemResponse>().ToList();
        return TypedResults.Ok(new PagedContentResponse(result.Result.Total, items));
    }

    private static Results<Ok<ContentItemResponse>, NotFound, ProblemHttpResult> ById(
        Guid id, [AsParameters] OutputQuery output, IRequestCultureService cultures, ContentResponseBuilder responses)
    {
        if (!TryReadOutput(output.Expand, output.Fields, out var expand, out var fields, out var invalid))
        {
            return invalid;
        }

        return responses.Build(id, cultures.GetRequestedCulture() ?? string.Empty, expand, fields) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();
    }

    private static Results<Ok<ContentItemResponse>, NotFound, ProblemHttpResult> ByPath(
        string? path,
        [AsParameters] OutputQuery output,
        IRequestCultureService cultures,
        IRequestPreviewService preview,
        RequestStartItem startItem,
        ContentSnapshotAccessor snapshots,
        ContentResponseBuilder responses)
    {
        if (!TryReadOutput(output.Expand, output.Fields, out var expand, out var fields, out var invalid))
        {
            return invalid;
        }

        var culture = cultures.GetRequestedCulture() ?? string.Empty;
        var snapshot = snapshots.For(preview.IsPreview());
        return snapshot.FindByRoute(culture, Uri.UnescapeDataString(path ?? string.Empty), startItem.In(snapshot)) is { } found
            && responses.Build(found.Key, culture, expand, fields) is { } item
                ? TypedResults.Ok(item)
                : TypedResults.NotFound();
    }

    private static Results<Ok<IReadOnlyList<ContentItemResponse>>, ProblemHttpResult> ByIds(
        [FromQuery(Name = "id")] Guid[]? id, [AsParameters] OutputQuery output, IRequestCultureService cultures, ContentResponseBuilder responses)
    {
        if (!TryReadOutput(output.Expand, output.Fields, out var expand, out var fields, out var invalid))
        {
            return invalid;
        }

        var culture = cultures.GetRequestedCulture() ?? string.Empty;
        return TypedResults.Ok<IReadOnlyList<ContentItemResponse>>(
            (id ?? []).Select(key => responses.Build(key, culture, expand, fields)).OfType<ContentItemResponse>().ToList());
    }

    private static bool TryReadOutput(string? expandText, string? fieldsText, out PropertySelection expand, out PropertySelection fields, out ProblemHttpResult invalid)
    {
        invalid = null!;
        fields = PropertySelection.All;
        if (!PropertySelection.TryParse(expandText, PropertySelection.None, out expand))
        {
            invalid = Problem("Invalid expand", $"'{expandText}' is not of the form properties[$all] or properties[alias,alias[properties[...]]].", "expand");
            return false;
        }

        if (!PropertySelection.TryParse(fieldsText, PropertySelection.All, out fields))
        {
            invalid = Problem("Invalid fields", $"'{fieldsText}' is not of the form properties[$all] or properties[alias,alias[properties[...]]].", "fields");
            return false;
        }

        return true;
    }

    private static ProblemHttpResult Problem(string title, string detail, string parameter) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>
    /// Umbraco's access rules: 404 while the API is off; a valid <c>Api-Key</c> header when public access is off,
    /// and for every preview (draft content is never public).
    /// </summary>
    private sealed class DeliveryApiAccessFilter(IOptionsMonitor<DeliveryApiSettings> settings, IRequestPreviewService preview) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var current = settings.CurrentValue;
            if (!current.Enabled)
            {
                return TypedResults.NotFound();
            }

            if (!current.PublicAccess || preview.IsPreview())
            {
                var key = context.HttpContext.Request.Headers[Umbraco.Cms.Core.Constants.DeliveryApi.HeaderNames.ApiKey].ToString();
                if (string.IsNullOrEmpty(current.ApiKey) || !CryptographicEquals(key, current.ApiKey))
                {
                    return TypedResults.Unauthorized();
                }
            }

            return await next(context);
        }

        private static bool CryptographicEquals(string given, string expected) =>
            System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(expected));
    }
}
