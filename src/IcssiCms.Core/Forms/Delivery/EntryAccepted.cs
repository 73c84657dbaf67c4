namespace IcssiCms.Core.Forms.Delivery;

/// <summary>
/// The 202 answer to an entry: Umbraco Forms' (the form's message, or the page to go to), and the hub's addition,
/// where the sign-up put the person at each chosen event.
/// </summary>
public sealed record EntryAccepted(
    string MessageOnSubmit,
    bool MessageOnSubmitIsHtml,
    Guid? GotoPageOnSubmit,
    FormRouteResponse? GotoPageOnSubmitRoute,
    IReadOnlyList<PlaceResponse> Places);

/// <summary>Where the sign-up put the person at one chosen event: <c>placed</c> or <c>waitlisted</c>.</summary>
public sealed record PlaceResponse(Guid Id, string Name, string Status);
