using IcssiCms.Core.Schema;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Cms.Core.Models;
using Umbraco.Extensions;

namespace IcssiCms.Core.Delivery.Indexing;

/// <summary>
/// Indexes when conferences and sessions start and end, in UTC, for the <c>eventDate</c> sort and the
/// <c>upcoming:</c> filter, and the start in the event's own time for the <c>eventDate</c> filters (a visitor asking
/// for events from 30 October means 30 October in Oslo). Dates are read in the event's <c>timeZone</c> (a conference's; UTC where there is none).
/// An event without an end ends with its start; a date without a time of day means the whole day.
/// </summary>
public sealed class EventDateIndexer : IContentIndexHandler
{
    public const string StartFieldName = "eventDate";
    public const string EndFieldName = "eventEnd";

    /// <summary>The start as the editor wrote it, in the event's own time: what <c>eventDate&gt;2014-10-30</c> compares.</summary>
    public const string LocalStartFieldName = "eventDay";

    public IEnumerable<IndexFieldValue> GetFieldValues(IContent content, string? culture)
    {
        var start = content.ContentType.Alias is HubContentTypes.Conference.Alias or HubContentTypes.ConferenceSession.Alias
            ? content.GetValue<DateTime?>(HubContentTypes.Conference.StartDate)
            : null;
        if (start is null)
        {
            return UndatedLastSortField.Values(StartFieldName, null);
        }

        var end = content.GetValue<DateTime?>(HubContentTypes.Conference.EndDate) ?? start.Value;
        if (end.TimeOfDay == TimeSpan.Zero)
        {
            end = end.Date.AddDays(1).AddTicks(-1);
        }

        var zone = TimeZoneOf(content);
        return
        [
            .. UndatedLastSortField.Values(StartFieldName, ToUtc(start.Value, zone)),
            new IndexFieldValue { FieldName = EndFieldName, Values = [ToUtc(end, zone)] },
            new IndexFieldValue { FieldName = LocalStartFieldName, Values = [DateTime.SpecifyKind(start.Value, DateTimeKind.Unspecified)] },
        ];
    }

    public IEnumerable<IndexField> GetFields() =>
    [
        .. UndatedLastSortField.Fields(StartFieldName),
        new IndexField { FieldName = EndFieldName, FieldType = FieldType.Date, VariesByCulture = false },
        new IndexField { FieldName = LocalStartFieldName, FieldType = FieldType.Date, VariesByCulture = false },
    ];

    private static TimeZoneInfo TimeZoneOf(IContent content)
    {
        var id = content.HasProperty(HubContentTypes.Conference.TimeZone) ? content.GetValue<string>(HubContentTypes.Conference.TimeZone) : null;
        return !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    private static DateTime ToUtc(DateTime value, TimeZoneInfo zone) =>
        value.Kind == DateTimeKind.Utc ? value : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), zone);
}
