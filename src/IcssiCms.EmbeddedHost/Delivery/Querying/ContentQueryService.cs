using IcssiCms.Search;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.DeliveryApi;
using Umbraco.Cms.Core.Services.OperationStatus;

namespace IcssiCms.EmbeddedHost.Delivery.Querying;

/// <summary>
/// Umbraco's <see cref="IApiContentQueryService"/>, answered from the embedded host's Lucene index: each
/// <c>fetch</c>, <c>filter</c> and <c>sort</c> goes to the first handler whose <c>CanHandle</c> accepts it, built-in
/// or the plugin's alike; one that no handler accepts fails the query with Umbraco's status for it.
/// </summary>
internal sealed class ContentQueryService(
    IEnumerable<ISelectorHandler> selectorHandlers,
    IEnumerable<IFilterHandler> filterHandlers,
    IEnumerable<ISortHandler> sortHandlers,
    IContentIndex index,
    IRequestCultureService cultures) : IApiContentQueryService
{
    private readonly ISelectorHandler[] _selectors = [.. selectorHandlers];
    private readonly IFilterHandler[] _filters = [.. filterHandlers];
    private readonly ISortHandler[] _sorts = [.. sortHandlers];

    public Attempt<PagedModel<Guid>, ApiContentQueryOperationStatus> ExecuteQuery(
        string? fetch, IEnumerable<string> filters, IEnumerable<string> sorts, ProtectedAccess protectedAccess, int skip, int take)
    {
        var empty = new PagedModel<Guid>();
        SelectorOption? selector = null;
        if (!string.IsNullOrWhiteSpace(fetch))
        {
            if (_selectors.FirstOrDefault(s => s.CanHandle(fetch)) is not { } selectorHandler)
            {
                return Attempt.FailWithStatus(ApiContentQueryOperationStatus.SelectorOptionNotFound, empty);
            }

            selector = selectorHandler.BuildSelectorOption(fetch);
        }

        var filterOptions = new List<FilterOption>();
        foreach (var filter in filters.Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            if (_filters.FirstOrDefault(f => f.CanHandle(filter)) is not { } filterHandler)
            {
                return Attempt.FailWithStatus(ApiContentQueryOperationStatus.FilterOptionNotFound, empty);
            }

            filterOptions.Add(filterHandler.BuildFilterOption(filter));
        }

        var sortOptions = new List<SortOption>();
        foreach (var sort in sorts.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            if (_sorts.FirstOrDefault(s => s.CanHandle(sort)) is not { } sortHandler)
            {
                return Attempt.FailWithStatus(ApiContentQueryOperationStatus.SortOptionNotFound, empty);
            }

            sortOptions.Add(sortHandler.BuildSortOption(sort));
        }

        var page = index.Search(new ContentIndexQuery(selector, filterOptions, sortOptions, cultures.GetRequestedCulture(), skip, take));
        return Attempt.SucceedWithStatus(ApiContentQueryOperationStatus.Success, new PagedModel<Guid>(page.Total, page.Keys));
    }
}
