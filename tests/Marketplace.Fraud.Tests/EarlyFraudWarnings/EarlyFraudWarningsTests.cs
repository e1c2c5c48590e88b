using Marketplace.Contracts.Fraud;
using Marketplace.Fraud.Tests.Support;
using Marketplace.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Stripe.Radar;

namespace Marketplace.Fraud.Tests.EarlyFraudWarnings;

/// <summary>An issuer's warning becomes one radar.early_fraud_warning and one event, however often it is reported.</summary>
public sealed class EarlyFraudWarningsTests(FraudService service) : IClassFixture<FraudService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WarningReportedTwice_IsOneWarningAndOneEvent_ReadableWithStripeNet()
    {
        var recorder = await EventRecorder.StartAsync(service);
        var context = TestContexts.NewPlatform();
        var charge = Marketplace.Data.PrefixedId.New("ch");
        var issued = new EarlyFraudWarningIssued
        {
            ChargeId = charge,
            PaymentIntentId = Marketplace.Data.PrefixedId.New("pi"),
            PlatformId = context.PlatformId,
            AccountId = context.AccountId,
            FraudType = "made_with_stolen_card",
            IssuedAt = DateTimeOffset.UtcNow,
        };
        var bus = service.Services.GetRequiredService<IBus>();
        await bus.Publish(issued, Cancellation);
        await bus.Publish(issued, Cancellation);
        var warnings = new EarlyFraudWarningService(service.StripeFor(context));

        var listed = await Eventually.Until(
            () => warnings.ListAsync(new EarlyFraudWarningListOptions { Charge = charge }, cancellationToken: Cancellation), list => list.Data.Count > 0);
        var warning = await warnings.GetAsync(listed.Data[0].Id, cancellationToken: Cancellation);
        await Eventually.Until(() => recorder.Events.Count(e => e.PlatformId == context.PlatformId), count => count > 0);
        // Long enough for a second event, had the repeated report raised one, to arrive too.
        await Task.Delay(500, Cancellation);

        Assert.StartsWith("issfr_", warning.Id, StringComparison.Ordinal);
        Assert.Equal(("made_with_stolen_card", true, charge), (warning.FraudType, warning.Actionable, warning.ChargeId));
        Assert.Equal(issued.PaymentIntentId, warning.PaymentIntentId);
        Assert.Single((await warnings.ListAsync(new EarlyFraudWarningListOptions { Charge = charge }, cancellationToken: Cancellation)).Data);
        var events = recorder.Events.Where(e => e.PlatformId == context.PlatformId).ToList();
        Assert.Equal("radar.early_fraud_warning.created", Assert.Single(events).Type);
        await Assert.ThrowsAsync<Stripe.StripeException>(() =>
            new EarlyFraudWarningService(service.StripeFor(TestContexts.NewPlatform())).GetAsync(warning.Id, cancellationToken: Cancellation));
    }
}
