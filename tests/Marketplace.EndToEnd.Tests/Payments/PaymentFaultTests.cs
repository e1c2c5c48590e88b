using System.Net.Http.Json;
using Stripe;
using Xunit;
using static Marketplace.EndToEnd.Tests.Payments.Checkout;

namespace Marketplace.EndToEnd.Tests.Payments;

/// <summary>The fault tests stop parts of the shared stack, so they run alone, after every other test.</summary>
[CollectionDefinition(nameof(StackFaults), DisableParallelization = true)]
public sealed class StackFaults;

/// <summary>
/// The payment saga under faults: Fraud silent, the Ledger down, Payments killed mid-saga, RabbitMQ restarted. Every
/// payment ends in one consistent state, each succeeded payment is journaled exactly once, and the Ledger's invariant
/// checker finds nothing wrong afterwards.
/// </summary>
[Collection(nameof(StackFaults))]
public sealed class PaymentFaultTests
{
    /// <summary>
    /// Where a payment may end under a fault: paid; never started (its confirm did not commit); or failed closed,
    /// when Fraud's deadline fell due while the service was down and came before Fraud's answer.
    /// </summary>
    static readonly string[] Resting = ["succeeded", "requires_confirmation", "requires_payment_method"];

    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FraudNotAnswering_FailsThePaymentClosedWithARetryableError_AndTheRetrySucceedsOnceFraudIsBack()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey, maxNetworkRetries: 0);
        var intent = await stripe.V1.PaymentIntents.CreateAsync(
            new PaymentIntentCreateOptions { Amount = 2_000, Currency = "usd", PaymentMethod = "pm_card_visa" }, cancellationToken: Cancellation);

        StripeException failed;
        RunningPlatform.Kill("fraud");
        try
        {
            failed = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.PaymentIntents.ConfirmAsync(intent.Id, cancellationToken: Cancellation));
        }
        finally
        {
            await RunningPlatform.RestartStoppedAppsAsync();
        }

        Assert.Equal(("card_error", "processing_error"), (failed.StripeError.Type, failed.StripeError.Code));
        var charge = await stripe.V1.Charges.GetAsync(failed.StripeError.Charge, cancellationToken: Cancellation);
        Assert.Equal(("failed", "not_assessed", "not_sent_to_network"), (charge.Status, charge.Outcome.RiskLevel, charge.Outcome.NetworkStatus));
        Assert.Equal((0L, 0L), await BalanceAsync(stripe, "usd"));

        var retried = await stripe.V1.PaymentIntents.ConfirmAsync(intent.Id, new PaymentIntentConfirmOptions { PaymentMethod = "pm_card_visa" },
            cancellationToken: Cancellation);
        Assert.Equal("succeeded", retried.Status);
        await AssertPostedOnceAsync(stripe, [retried]);
    }

    [Fact]
    public async Task TheLedgerDown_LeavesThePaymentProcessing_AndItSucceedsOnceTheLedgerIsBack()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey, maxNetworkRetries: 0);

        PaymentIntent answered;
        RunningPlatform.Kill("ledger");
        try
        {
            answered = await stripe.V1.PaymentIntents.CreateAsync(
                new PaymentIntentCreateOptions { Amount = 2_000, Currency = "usd", PaymentMethod = "pm_card_visa", Confirm = true }, cancellationToken: Cancellation);
        }
        finally
        {
            await RunningPlatform.RestartStoppedAppsAsync();
        }

        // Not succeeded before the Ledger has journaled it: the confirm answered with what the saga had recorded.
        Assert.Equal("processing", answered.Status);
        var settled = await UntilRestingAsync(stripe, answered.Id);
        Assert.Equal("succeeded", settled.Status);
        await AssertPostedOnceAsync(stripe, [settled]);
    }

    [Fact]
    public async Task PaymentsKilledMidSaga_EveryPaymentEndsConsistent_AndEachSucceededOneIsJournaledOnce()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey, maxNetworkRetries: 0);
        var intents = await UnconfirmedAsync(stripe, 16);

        var confirms = intents.Select(i => ConfirmIgnoringFailureAsync(stripe, i.Id)).ToList();
        await Task.Delay(150, Cancellation);
        RunningPlatform.Kill("payments");
        await RunningPlatform.RestartStoppedAppsAsync();
        await Task.WhenAll(confirms);

        var settled = await Task.WhenAll(intents.Select(i => UntilRestingAsync(stripe, i.Id)));
        Assert.All(settled, i => Assert.Contains(i.Status, Resting));
        await AssertPostedOnceAsync(stripe, settled);
    }

    [Fact]
    public async Task RabbitMqRestartedMidSaga_EveryPaymentEndsConsistent_AndEachSucceededOneIsJournaledOnce()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey, maxNetworkRetries: 0);
        var intents = await UnconfirmedAsync(stripe, 16);

        var confirms = intents.Select(i => ConfirmIgnoringFailureAsync(stripe, i.Id)).ToList();
        await Task.Delay(150, Cancellation);
        await RunningPlatform.RestartBrokerAsync();
        await Task.WhenAll(confirms);

        var settled = await Task.WhenAll(intents.Select(i => UntilRestingAsync(stripe, i.Id)));
        Assert.All(settled, i => Assert.Contains(i.Status, Resting));
        Assert.Contains(settled, i => i.Status == "succeeded");
        await AssertPostedOnceAsync(stripe, settled);
    }

    static async Task<List<PaymentIntent>> UnconfirmedAsync(StripeClient stripe, int count)
    {
        var intents = new List<PaymentIntent>();
        for (var i = 0; i < count; i++)
        {
            intents.Add(await stripe.V1.PaymentIntents.CreateAsync(
                new PaymentIntentCreateOptions { Amount = 1_000 + i, Currency = "usd", PaymentMethod = "pm_card_visa" }, cancellationToken: Cancellation));
        }

        return intents;
    }

    /// <summary>A confirm the fault may cut off (a 502 from the gateway, a dropped connection): its outcome is read back later.</summary>
    static async Task ConfirmIgnoringFailureAsync(StripeClient stripe, string id)
    {
        try
        {
            await stripe.V1.PaymentIntents.ConfirmAsync(id, cancellationToken: Cancellation);
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException)
        {
        }
    }

    static async Task<PaymentIntent> UntilRestingAsync(StripeClient stripe, string id)
    {
        var intent = await GetAsync(stripe, id);
        for (var attempt = 0; attempt < 300 && intent.Status == "processing"; attempt++)
        {
            await Task.Delay(200, Cancellation);
            intent = await GetAsync(stripe, id);
        }

        return intent;
    }

    /// <summary>Reads through a fault: the gateway answers 502 while the app behind it restarts.</summary>
    static async Task<PaymentIntent> GetAsync(StripeClient stripe, string id)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await stripe.V1.PaymentIntents.GetAsync(id, cancellationToken: Cancellation);
            }
            catch (StripeException) when (attempt < 100)
            {
                await Task.Delay(200, Cancellation);
            }
        }
    }

    /// <summary>
    /// Each succeeded payment has exactly one charge balance transaction, of its amount; nothing else was journaled;
    /// and the Ledger's invariants hold.
    /// </summary>
    static async Task AssertPostedOnceAsync(StripeClient stripe, IReadOnlyList<PaymentIntent> intents)
    {
        Assert.All(intents.Where(i => i.Status == "requires_payment_method"), i => Assert.Equal("processing_error", i.LastPaymentError.Code));
        var succeeded = intents.Where(i => i.Status == "succeeded").ToList();
        var charges = (await stripe.V1.BalanceTransactions.ListAsync(new BalanceTransactionListOptions { Type = "charge", Limit = 100 },
            cancellationToken: Cancellation)).Data;
        Assert.Equal(succeeded.Select(i => i.LatestChargeId).Order(), charges.Select(t => t.SourceId).Order());
        Assert.Equal(succeeded.Sum(i => i.Amount), charges.Sum(t => t.Amount));
        var (pending, available) = await BalanceAsync(stripe, "usd");
        Assert.Equal(charges.Sum(t => t.Net), pending + available);

        using var ledger = new HttpClient { BaseAddress = RunningPlatform.Service(5103) };
        using var invariants = await ledger.GetAsync("/internal/ledger/invariants", Cancellation);
        Assert.True(invariants.IsSuccessStatusCode, await invariants.Content.ReadAsStringAsync(Cancellation));
        Assert.True((await invariants.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancellation)).GetProperty("ok").GetBoolean());
    }
}
