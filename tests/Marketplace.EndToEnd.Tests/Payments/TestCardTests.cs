using Stripe;
using Xunit;
using static Marketplace.EndToEnd.Tests.Payments.Checkout;

namespace Marketplace.EndToEnd.Tests.Payments;

/// <summary>Stripe's test cards confirmed through the gateway: each ends as Stripe says, and a failed one moves no money.</summary>
public sealed class TestCardTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("pm_card_visa", "visa", "4242")]
    [InlineData("pm_card_mastercard", "mastercard", "4444")]
    [InlineData("pm_card_amex", "amex", "0005")]
    [InlineData("pm_card_visa_debit", "visa", "5556")]
    [InlineData("pm_card_fr", "visa", "0003")]
    [InlineData("pm_card_riskLevelElevated", "visa", "9235")]
    [InlineData("pm_card_avsFail", "visa", "0010")]
    public async Task ASucceedingCard_Succeeds_AndIsJournaled(string paymentMethod, string brand, string last4)
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);

        var intent = await CreateAsync(stripe, new PaymentIntentCreateOptions
        {
            Amount = 2_000, Currency = "usd", PaymentMethod = paymentMethod, Confirm = true, Expand = ["latest_charge"],
        });

        Assert.Equal("succeeded", intent.Status);
        var card = intent.LatestCharge.PaymentMethodDetails.Card;
        Assert.Equal((brand, last4), (card.Brand, card.Last4));
        Assert.Equal("approved_by_network", intent.LatestCharge.Outcome.NetworkStatus);
        Assert.StartsWith("txn_", intent.LatestCharge.BalanceTransactionId);
        var total = await BalanceAsync(stripe, "usd");
        Assert.True(total.Pending is > 0 and < 2_000, $"pending {total.Pending}");
    }

    [Theory]
    [InlineData("pm_card_chargeDeclined", "card_declined", "generic_decline", "issuer_declined")]
    [InlineData("pm_card_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds", "issuer_declined")]
    [InlineData("pm_card_chargeDeclinedLostCard", "card_declined", "lost_card", "issuer_declined")]
    [InlineData("pm_card_chargeDeclinedStolenCard", "card_declined", "stolen_card", "issuer_declined")]
    [InlineData("pm_card_chargeDeclinedExpiredCard", "expired_card", null, "issuer_declined")]
    [InlineData("pm_card_chargeDeclinedProcessingError", "processing_error", null, "issuer_declined")]
    [InlineData("pm_card_chargeDeclinedVelocityLimitExceeded", "card_declined", "card_velocity_exceeded", "issuer_declined")]
    [InlineData("pm_card_chargeCustomerFail", "card_declined", "generic_decline", "issuer_declined")]
    [InlineData("pm_card_radarBlock", "card_declined", "fraudulent", "blocked")]
    [InlineData("pm_card_riskLevelHighest", "card_declined", "fraudulent", "blocked")]
    public async Task ADecliningCard_AnswersTheConfirmWithStripesCardError_AndMovesNoMoney(
        string paymentMethod, string code, string? declineCode, string outcomeType)
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);

        var declined = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = 2_000, Currency = "usd", PaymentMethod = paymentMethod, Confirm = true,
        }, cancellationToken: Cancellation));

        Assert.Equal(System.Net.HttpStatusCode.PaymentRequired, declined.HttpStatusCode);
        Assert.Equal(("card_error", code, declineCode), (declined.StripeError.Type, declined.StripeError.Code, declined.StripeError.DeclineCode));
        var intent = declined.StripeError.PaymentIntent;
        Assert.Equal("requires_payment_method", intent.Status);
        Assert.Null(intent.PaymentMethod);
        Assert.Equal(code, intent.LastPaymentError.Code);
        var charge = await stripe.V1.Charges.GetAsync(declined.StripeError.Charge, cancellationToken: Cancellation);
        Assert.Equal(("failed", code, outcomeType), (charge.Status, charge.FailureCode, charge.Outcome.Type));
        Assert.Null(charge.BalanceTransactionId);
        Assert.Equal((0L, 0L), await BalanceAsync(stripe, "usd"));
    }

    [Fact]
    public async Task TheBypassPendingCard_PutsTheFundsInTheAvailableBalanceAtOnce()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var intent = await CreateAsync(stripe, new PaymentIntentCreateOptions { Amount = 2_000, Currency = "usd", PaymentMethod = "pm_card_bypassPending", Confirm = true });

        var balance = await BalanceAsync(stripe, "usd");
        for (var attempt = 0; attempt < 50 && balance.Available == 0; attempt++)
        {
            await Task.Delay(100, Cancellation);
            balance = await BalanceAsync(stripe, "usd");
        }

        Assert.Equal("succeeded", intent.Status);
        Assert.Equal(0, balance.Pending);
        Assert.True(balance.Available is > 0 and < 2_000, $"available {balance.Available}");
    }

    [Fact]
    public async Task AfterADecline_TheSameIntentSucceedsWithAnotherCard()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var intent = await stripe.V1.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions { Amount = 2_000, Currency = "usd" }, cancellationToken: Cancellation);
        await Assert.ThrowsAsync<StripeException>(() => stripe.V1.PaymentIntents.ConfirmAsync(intent.Id,
            new PaymentIntentConfirmOptions { PaymentMethod = "pm_card_chargeDeclined" }, cancellationToken: Cancellation));

        var retried = await stripe.V1.PaymentIntents.ConfirmAsync(intent.Id, new PaymentIntentConfirmOptions { PaymentMethod = "pm_card_visa" },
            cancellationToken: Cancellation);
        var charges = await stripe.V1.Charges.ListAsync(new ChargeListOptions { PaymentIntent = intent.Id }, cancellationToken: Cancellation);

        Assert.Equal("succeeded", retried.Status);
        Assert.Equal(["succeeded", "failed"], charges.Data.Select(c => c.Status));
        Assert.Equal(retried.LatestChargeId, charges.Data[0].Id);
    }

    [Fact]
    public async Task ConfirmingASucceededIntentAgain_IsRefusedWithItsState()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var intent = await CreateAsync(stripe, new PaymentIntentCreateOptions { Amount = 2_000, Currency = "usd", PaymentMethod = "pm_card_visa", Confirm = true });

        var refused = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.PaymentIntents.ConfirmAsync(intent.Id, cancellationToken: Cancellation));

        Assert.Equal("payment_intent_unexpected_state", refused.StripeError.Code);
        Assert.Equal("succeeded", refused.StripeError.PaymentIntent.Status);
        Assert.Single((await stripe.V1.Charges.ListAsync(new ChargeListOptions { PaymentIntent = intent.Id }, cancellationToken: Cancellation)).Data);
    }
}
