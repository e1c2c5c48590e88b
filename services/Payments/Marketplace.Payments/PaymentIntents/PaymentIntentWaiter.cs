using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Payments.PaymentIntents;

/// <summary>
/// Lets a confirm, capture or cancel answer with where the payment saga left the intent, as Stripe answers a card
/// payment within the request: it reads the intent until it leaves <c>processing</c>. A saga step of this process that
/// settled the intent wakes it right after its commit (<see cref="Wake"/>); a step that ran in another instance is
/// found by reading again, backing off from 20 ms (reading every few milliseconds cost PostgreSQL a twentieth of a
/// payment's statements, for steps that mostly run here and wake it anyway). Past the deadline the request answers
/// with the intent as it is (<c>processing</c>) — the saga goes on, and the intent's events and later reads tell the
/// rest. Nothing is claimed that the saga has not written.
/// </summary>
public sealed class PaymentIntentWaiter(NpgsqlDataSource dataSource, IOptions<PaymentIntentOptions> options, TimeProvider time)
{
    static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(20);
    static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(200);

    /// <summary>One wake-up per intent some request waits on; a wake-up is used once, and the next wait registers anew.</summary>
    readonly ConcurrentDictionary<string, TaskCompletionSource> _wakeUps = new(StringComparer.Ordinal);

    public async Task<PaymentIntentRow> WaitAsync(string accountId, string id, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.Value.ConfirmWait;
        var pause = FirstPause;
        while (true)
        {
            // Registered before the read: a step that commits between the read and the wait still wakes it.
            var wakeUp = _wakeUps.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            var intent = await PaymentIntentStore.FindAsync(dataSource, accountId, id, cancellationToken)
                ?? throw new InvalidOperationException($"The payment intent {id} vanished while its attempt ran.");
            if (PaymentIntentStatuses.IsResting(intent.Status) || time.GetUtcNow() >= deadline)
            {
                _wakeUps.TryRemove(new KeyValuePair<string, TaskCompletionSource>(id, wakeUp));
                return intent;
            }

            await Task.WhenAny(wakeUp.Task, Task.Delay(pause, time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    /// <summary>The intent was settled and committed: a request of this process waiting on it reads it now.</summary>
    public void Wake(string id)
    {
        if (_wakeUps.TryRemove(id, out var wakeUp))
        {
            wakeUp.TrySetResult();
        }
    }
}
