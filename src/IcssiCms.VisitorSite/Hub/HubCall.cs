namespace IcssiCms.VisitorSite.Hub;

/// <summary>Turns the ways a call to the hub can fail (refused, timed out, a 5xx) into a <see cref="HubUnavailableException"/>.</summary>
internal static class HubCall
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string api, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new HubUnavailableException($"The hub's {api} could not be reached ({ex.HttpRequestError}).", ex);
        }
        catch (Exception ex) when (ex is TimeoutException or Polly.Timeout.TimeoutRejectedException
                                   || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new HubUnavailableException($"The hub's {api} did not answer in time.", ex);
        }
    }

    /// <summary>Sends a request whose answer is a body or "not found": the body, or null for a 404; any other failure throws.</summary>
    public static async Task<string?> ReadAsync(HttpClient http, HttpRequestMessage request, string api, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(http, request, api, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureAnswered(response, api);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public static void EnsureAnswered(HttpResponseMessage response, string api)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HubUnavailableException($"The hub's {api} answered {(int)response.StatusCode} to {response.RequestMessage?.RequestUri?.PathAndQuery}.");
        }
    }
}
