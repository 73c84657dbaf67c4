using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IcssiCms.IntegrationTests.Webhooks;

/// <summary>One request the receiver got: its headers (first value each) and body.</summary>
public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status);

/// <summary>
/// A real HTTP receiver on 127.0.0.1 and a free port: records every POST, answers 500 to the first N of them,
/// and completes a task once a given number of requests arrived (tests wait on it, never sleep).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<ReceivedWebhook> _received = [];
    private WebApplication? _app;
    private int _failuresLeft;
    private int _awaited;
    private TaskCompletionSource<IReadOnlyList<ReceivedWebhook>>? _arrived;

    public string Url { get; private set; } = string.Empty;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.MapPost("/hooks", ReceiveAsync);
        await _app.StartAsync();
        // Kestrel replaces port 0 with the port it bound.
        Url = _app.Urls.Single() + "/hooks";
    }

    /// <summary>Forgets what came before; fails the next <paramref name="failures"/> requests; the task completes at <paramref name="count"/> requests.</summary>
    public Task<IReadOnlyList<ReceivedWebhook>> Expect(int count, int failures = 0)
    {
        lock (_lock)
        {
            _received.Clear();
            _failuresLeft = failures;
            _awaited = count;
            _arrived = new TaskCompletionSource<IReadOnlyList<ReceivedWebhook>>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _arrived.Task;
        }
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        lock (_lock)
        {
            var fail = _failuresLeft > 0;
            _failuresLeft -= fail ? 1 : 0;
            var status = fail ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
            _received.Add(new ReceivedWebhook(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray(), status));
            if (_received.Count >= _awaited)
            {
                _arrived?.TrySetResult([.. _received]);
            }

            return Results.StatusCode(status);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
