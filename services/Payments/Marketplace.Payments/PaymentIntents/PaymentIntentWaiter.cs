using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Payments.PaymentIntents;

/// <summary>
/// Lets a confirm, capture or cancel answer with where the payment saga left the intent, as Stripe answers a card
/// payment within the request: it reads the intent until it leaves <c>processing</c>, backing off from a few
/// milliseconds. Past the deadline the request answers with the intent as it is (<c>processing</c>) — the saga goes
/// on, and the intent's events and later reads tell the rest. Nothing is claimed that the saga has not written.
/// </summary>
public sealed class PaymentIntentWaiter(NpgsqlDataSource dataSource, IOptions<PaymentIntentOptions> options, TimeProvider time)
{
    static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(2);
    static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(50);

    public async Task<PaymentIntentRow> WaitAsync(string accountId, string id, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.Value.ConfirmWait;
        var pause = FirstPause;
        while (true)
        {
            var intent = await PaymentIntentStore.FindAsync(dataSource, accountId, id, cancellationToken)
                ?? throw new InvalidOperationException($"The payment intent {id} vanished while its attempt ran.");
            if (PaymentIntentStatuses.IsResting(intent.Status) || time.GetUtcNow() >= deadline)
            {
                return intent;
            }

            await Task.Delay(pause, time, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }
}
