using Stripe;
using Xunit;
using static Marketplace.EndToEnd.Tests.Payments.Checkout;

namespace Marketplace.EndToEnd.Tests.Payments;

/// <summary>
/// Stripe's three Connect charge types through the gateway with Stripe.net: where every cent of a confirmed card
/// payment lands, read back from the balances and balance transactions of the platform and of the seller.
/// </summary>
public sealed class ConnectChargeTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADestinationChargeWithAnApplicationFee_CreditsTheSellerLessTheFee_AndThePlatformTheFeeLessProcessing()
    {
        var (stripe, seller) = await MarketplaceAsync();

        var intent = await CreateAsync(stripe, new PaymentIntentCreateOptions
        {
            Amount = 10_000, Currency = "eur", PaymentMethod = "pm_card_visa", Confirm = true, ApplicationFeeAmount = 1_230,
            TransferData = new PaymentIntentTransferDataOptions { Destination = seller.Id }, Expand = ["latest_charge"],
        });

        Assert.Equal("succeeded", intent.Status);
        Assert.Equal(10_000, intent.AmountReceived);
        var charge = intent.LatestCharge;
        Assert.Equal(("succeeded", true, 10_000L), (charge.Status, charge.Captured, charge.AmountCaptured));
        Assert.Equal(seller.Id, charge.TransferData.DestinationId);
        Assert.StartsWith("fee_", charge.ApplicationFeeId);
        var processing = (await stripe.V1.BalanceTransactions.GetAsync(charge.BalanceTransactionId, cancellationToken: Cancellation)).Fee;
        Assert.True(processing > 0);
        Assert.Equal((1_230 - processing, 0L), await BalanceAsync(stripe, "eur"));
        Assert.Equal((8_770L, 0L), await BalanceAsync(stripe, "eur", seller.Id));
        var sellerSide = (await stripe.V1.BalanceTransactions.ListAsync(new BalanceTransactionListOptions(),
            new RequestOptions { StripeAccount = seller.Id }, Cancellation)).Data;
        var payment = Assert.Single(sellerSide);
        Assert.Equal((10_000L, 1_230L, 8_770L, "payment"), (payment.Amount, payment.Fee, payment.Net, payment.Type));
    }

    [Fact]
    public async Task ADirectChargeOnTheSeller_PaysTheProcessingFeeFromTheSeller_AndTheApplicationFeeToThePlatform()
    {
        var (stripe, seller) = await MarketplaceAsync();
        var onSeller = new RequestOptions { StripeAccount = seller.Id };

        var intent = await CreateAsync(stripe, new PaymentIntentCreateOptions
        {
            Amount = 10_000, Currency = "eur", PaymentMethod = "pm_card_visa", Confirm = true, ApplicationFeeAmount = 500,
        }, onSeller);

        Assert.Equal("succeeded", intent.Status);
        var charge = await stripe.V1.Charges.GetAsync(intent.LatestChargeId, null, onSeller, Cancellation);
        var processing = (await stripe.V1.BalanceTransactions.GetAsync(charge.BalanceTransactionId, null, onSeller, Cancellation)).Fee;
        Assert.Equal((10_000 - processing - 500, 0L), await BalanceAsync(stripe, "eur", seller.Id));
        Assert.Equal((500L, 0L), await BalanceAsync(stripe, "eur"));
        await Assert.ThrowsAsync<StripeException>(() => stripe.V1.PaymentIntents.GetAsync(intent.Id, cancellationToken: Cancellation));
    }

    [Fact]
    public async Task ASeparateChargeAndTransfer_PaysTheSellerFromTheChargesPendingFunds_NamingTheCharge()
    {
        var (stripe, seller) = await MarketplaceAsync();

        var intent = await CreateAsync(stripe, new PaymentIntentCreateOptions
        {
            Amount = 10_000, Currency = "eur", PaymentMethod = "pm_card_visa", Confirm = true, TransferGroup = "order_42",
        });
        var charge = await stripe.V1.Charges.GetAsync(intent.LatestChargeId, cancellationToken: Cancellation);
        var transfer = await stripe.V1.Transfers.CreateAsync(new TransferCreateOptions
        {
            Amount = 7_000, Currency = "eur", Destination = seller.Id, SourceTransaction = charge.Id, TransferGroup = "order_42",
        }, cancellationToken: Cancellation);

        Assert.Equal("order_42", charge.TransferGroup);
        Assert.Equal(charge.Id, transfer.SourceTransactionId);
        var processing = (await stripe.V1.BalanceTransactions.GetAsync(charge.BalanceTransactionId, cancellationToken: Cancellation)).Fee;
        // The platform had no available funds: the transfer took the charge's pending funds, available with the charge.
        Assert.Equal((10_000 - processing - 7_000, 0L), await BalanceAsync(stripe, "eur"));
        Assert.Equal((7_000L, 0L), await BalanceAsync(stripe, "eur", seller.Id));
    }

    [Fact]
    public async Task AChargeOnBehalfOfTheSeller_SettlesAsADestinationCharge()
    {
        var (stripe, seller) = await MarketplaceAsync();

        var intent = await CreateAsync(stripe, new PaymentIntentCreateOptions
        {
            Amount = 5_000, Currency = "eur", PaymentMethod = "pm_card_visa", Confirm = true, OnBehalfOf = seller.Id, ApplicationFeeAmount = 300,
            TransferData = new PaymentIntentTransferDataOptions { Destination = seller.Id },
        });

        Assert.Equal(("succeeded", seller.Id), (intent.Status, intent.OnBehalfOfId));
        Assert.Equal((4_700L, 0L), await BalanceAsync(stripe, "eur", seller.Id));
    }

    [Fact]
    public async Task AChargeToASellerWhoseChargesAreNotEnabled_IsRefused_AndMovesNothing()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var unverified = await stripe.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "custom", Country = "FR" }, cancellationToken: Cancellation);
        await UntilTheGatewayKnowsAsync(stripe, unverified.Id);

        var refused = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = 5_000, Currency = "eur", PaymentMethod = "pm_card_visa", Confirm = true,
        }, new RequestOptions { StripeAccount = unverified.Id }, Cancellation));

        Assert.Equal("invalid_request_error", refused.StripeError.Type);
        Assert.True(refused.StripeError.Code is "account_invalid" or "resource_missing", refused.StripeError.Code);
        Assert.Equal((0L, 0L), await BalanceAsync(stripe, "eur", unverified.Id));
    }

    /// <summary>The gateway learns of a new account from Onboarding's event; until then Stripe-Account naming it is refused there.</summary>
    static async Task UntilTheGatewayKnowsAsync(StripeClient stripe, string account)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await BalanceAsync(stripe, "eur", account);
                return;
            }
            catch (StripeException) when (attempt < 50)
            {
                await Task.Delay(200, Cancellation);
            }
        }
    }
}
