using Dapper;
using Marketplace.Payments.PaymentIntents;
using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;
using Microsoft.Extensions.Options;

namespace Marketplace.Payments.Tests.PaymentIntents;

/// <summary>A request waiting on its intent reads it as soon as a saga step of the process wakes it, not at its next poll.</summary>
public sealed class PaymentIntentWaiterTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWaitOnAProcessingIntent_EndsWhenWoken_WithoutItsClockMoving()
    {
        var context = TestContexts.NewPlatform();
        var intent = await service.PaymentIntentsFor(context).CreateAsync(
            new Stripe.PaymentIntentCreateOptions { Amount = 1000, Currency = "eur" }, cancellationToken: Cancellation);
        await SetStatusAsync(intent.Id, PaymentIntentStatuses.Processing);
        // A clock whose timers never fire: no poll can end the wait, only the wake-up.
        var waiter = new PaymentIntentWaiter(service.Database, Options.Create(new PaymentIntentOptions()), new StoppedClock());

        var waiting = waiter.WaitAsync(context.AccountId, intent.Id, Cancellation);
        var stillWaiting = await Task.WhenAny(waiting, Task.Delay(300, Cancellation)) != waiting;
        await SetStatusAsync(intent.Id, PaymentIntentStatuses.Succeeded);
        waiter.Wake(intent.Id);
        var settled = await waiting.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);

        Assert.True(stillWaiting, "the wait ended while the intent was processing");
        Assert.Equal(PaymentIntentStatuses.Succeeded, settled.Status);
    }

    async Task SetStatusAsync(string id, string status)
    {
        await using var connection = await service.Database.OpenConnectionAsync(Cancellation);
        await connection.ExecuteAsync("UPDATE payment_intents SET status = @status WHERE id = @id", new { id, status });
    }

    sealed class StoppedClock : TimeProvider
    {
        static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new NeverFires();

        sealed class NeverFires : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
