using Stripe;
using Xunit;
using static Marketplace.EndToEnd.Tests.Payments.Checkout;

namespace Marketplace.EndToEnd.Tests.Payments;

/// <summary>
/// Stripe's dispute test card through the gateway: the payment succeeds, a chargeback opens, the disputed amount and
/// the dispute fee leave the balance, and Stripe's test evidence wins (the money comes back) or loses.
/// </summary>
public sealed class DisputeTests
{
    const long DisputeFee = 1_500;

    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADisputeWonWithWinningEvidence_GivesTheAmountBack()
    {
        var (stripe, dispute, afterCharge) = await DisputedAsync();

        Assert.Equal(("needs_response", "fraudulent"), (dispute.Status, dispute.Reason));
        Assert.Equal(afterCharge - 2_000 - DisputeFee, await TotalAsync(stripe));
        Assert.True((await stripe.V1.Charges.GetAsync(dispute.ChargeId, cancellationToken: Cancellation)).Disputed);

        var won = await stripe.V1.Disputes.UpdateAsync(dispute.Id, new DisputeUpdateOptions
        {
            Evidence = new DisputeEvidenceOptions { UncategorizedText = "winning_evidence" }, Submit = true,
        }, cancellationToken: Cancellation);

        Assert.Equal("won", won.Status);
        Assert.Equal(afterCharge - DisputeFee, await UntilAsync(stripe, total => total == afterCharge - DisputeFee));
    }

    [Fact]
    public async Task ADisputeLostWithLosingEvidence_KeepsTheAmountWithdrawn()
    {
        var (stripe, dispute, afterCharge) = await DisputedAsync();

        var lost = await stripe.V1.Disputes.UpdateAsync(dispute.Id, new DisputeUpdateOptions
        {
            Evidence = new DisputeEvidenceOptions { UncategorizedText = "losing_evidence" }, Submit = true,
        }, cancellationToken: Cancellation);

        Assert.Equal("lost", lost.Status);
        await Task.Delay(500, Cancellation);
        Assert.Equal(afterCharge - 2_000 - DisputeFee, await TotalAsync(stripe));
    }

    /// <summary>A 20.00 payment with the dispute card, once its dispute opened and its funds were withdrawn.</summary>
    static async Task<(StripeClient Stripe, Dispute Dispute, long AfterCharge)> DisputedAsync()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var intent = await CreateAsync(stripe, new PaymentIntentCreateOptions
        {
            Amount = 2_000, Currency = "usd", PaymentMethod = "pm_card_createDispute", Confirm = true, Expand = ["latest_charge"],
        });
        Assert.Equal("succeeded", intent.Status);
        var processing = (await stripe.V1.BalanceTransactions.GetAsync(intent.LatestCharge.BalanceTransactionId, cancellationToken: Cancellation)).Fee;
        var afterCharge = 2_000 - processing;

        Dispute? dispute = null;
        for (var attempt = 0; attempt < 100 && dispute?.BalanceTransactions is not { Count: > 0 }; attempt++)
        {
            await Task.Delay(100, Cancellation);
            dispute = (await stripe.V1.Disputes.ListAsync(new DisputeListOptions { Charge = intent.LatestChargeId }, cancellationToken: Cancellation))
                .Data.SingleOrDefault();
        }

        Assert.NotNull(dispute);
        await UntilAsync(stripe, total => total == afterCharge - 2_000 - DisputeFee);
        return (stripe, dispute, afterCharge);
    }

    static async Task<long> UntilAsync(StripeClient stripe, Func<long, bool> condition)
    {
        var total = await TotalAsync(stripe);
        for (var attempt = 0; attempt < 100 && !condition(total); attempt++)
        {
            await Task.Delay(100, Cancellation);
            total = await TotalAsync(stripe);
        }

        return total;
    }

    static async Task<long> TotalAsync(StripeClient stripe)
    {
        var (pending, available) = await BalanceAsync(stripe, "usd");
        return pending + available;
    }
}
