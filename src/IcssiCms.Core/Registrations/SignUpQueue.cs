using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IcssiCms.Core.Registrations;

/// <summary>
/// Sign-ups waiting for the database, written together: whatever has arrived while the last batch was being written goes
/// into the next, in one scope and one commit (<see cref="RegistrationStore.SignUpAll"/>), so that a burst costs one
/// wait for the lock and one commit rather than one each. Each sign-up is answered once its batch has committed. If a
/// batch fails, its sign-ups are tried one by one, so that one bad sign-up fails alone. Each server batches its own;
/// Umbraco's lock keeps servers from counting places at once.
/// </summary>
public sealed class SignUpQueue(RegistrationStore store, ILogger<SignUpQueue> logger) : BackgroundService
{
    /// <summary>Enough for a burst; a longer batch would hold the lock, and make its first sign-up wait, longer.</summary>
    public const int MaxBatch = 200;

    private readonly Channel<Pending> _waiting = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public Task<SignUpResult> SignUpAsync(SignUpRequest request, IReadOnlyDictionary<Guid, int?> capacities, CancellationToken cancellationToken)
    {
        var pending = new Pending(request, capacities, new TaskCompletionSource<SignUpResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_waiting.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The site is stopping: sign-ups are no longer taken.");
        }

        // A caller that gives up does not take its sign-up back: once queued it is written, and stays written.
        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// On a thread of its own: each batch blocks on the database for its lock, writes and commit, and on the thread pool
    /// that would take a thread from the requests whenever it does.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => WriteUntilStopped(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void WriteUntilStopped(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (_waiting.Reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _waiting.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                Write(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is written below.
        }

        _waiting.Writer.TryComplete();
        batch.Clear();
        while (_waiting.Reader.TryRead(out var left))
        {
            batch.Add(left);
        }

        if (batch.Count > 0)
        {
            Write(batch);
        }
    }

    private void Write(List<Pending> batch)
    {
        try
        {
            var results = store.SignUpAll(batch.Select(p => (p.Request, p.Capacities)).ToList());
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.TrySetResult(results[i]);
            }
        }
        catch (Exception batchFailure) when (batch.Count > 1)
        {
            logger.LogWarning("A batch of {Count} sign-ups failed ({Error}); writing them one by one", batch.Count, batchFailure.GetType().Name);
            foreach (var pending in batch)
            {
                Write([pending]);
            }
        }
        catch (Exception failure)
        {
            batch[0].Result.TrySetException(failure);
        }
    }

    private sealed record Pending(SignUpRequest Request, IReadOnlyDictionary<Guid, int?> Capacities, TaskCompletionSource<SignUpResult> Result);
}
