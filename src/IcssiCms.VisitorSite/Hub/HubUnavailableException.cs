namespace IcssiCms.VisitorSite.Hub;

/// <summary>The hub did not answer, answered too slowly, or answered with an error: the visitor sees a clear message.</summary>
public sealed class HubUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
