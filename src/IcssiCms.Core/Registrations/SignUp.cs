namespace IcssiCms.Core.Registrations;

/// <summary>The consent a submission gave: the version (hash) of the text agreed to, in the culture it was shown.</summary>
public sealed record GivenConsent(string Version, string Culture, string Text);

/// <summary>A form submission that asks for places at events (or support of campaigns), already validated.</summary>
public sealed record SignUpRequest(
    Guid FormKey,
    Guid? ContentKey,
    string Culture,
    string Email,
    string Name,
    string ValuesJson,
    GivenConsent? Consent,
    IReadOnlyList<Guid> Events);

public enum PlaceOutcome
{
    Placed,
    Waitlisted,
}

public sealed record PlaceResult(Guid EventKey, PlaceOutcome Outcome);

public sealed record SignUpResult(IReadOnlyList<PlaceResult> Places);
