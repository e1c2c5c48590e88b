using Marketplace.Payments.Tests.Support;
using Marketplace.Testing;
using Npgsql;

namespace Marketplace.Payments.Tests.PaymentIntents;

/// <summary>A confirm gives its connection back before it waits for the saga, whose steps need connections of the same pool.</summary>
public sealed class ConfirmConnectionTests(SettlingPaymentsService service) : IClassFixture<SettlingPaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithOneConnectionLeftInThePool_AConfirmedCardPaymentStillSucceeds()
    {
        var context = TestContexts.NewPlatform();
        var intents = service.PaymentIntentsFor(context);
        var held = new List<NpgsqlConnection>();
        try
        {
            for (var i = 1; i < new NpgsqlConnectionStringBuilder(service.Pool.ConnectionString).MaxPoolSize; i++)
            {
                held.Add(await service.Pool.OpenConnectionAsync(Cancellation));
            }

            var intent = await intents.CreateAsync(new Stripe.PaymentIntentCreateOptions
            {
                Amount = 1000, Currency = "usd", PaymentMethod = "pm_card_visa", Confirm = true,
            }, cancellationToken: Cancellation);

            Assert.Equal("succeeded", intent.Status);
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
