using Stripe;
using Xunit;

namespace Marketplace.EndToEnd.Tests.Api;

/// <summary>Money in the Ledger through the real gateway with the official SDK.</summary>
public sealed class LedgerTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATopup_ShowsInTheBalanceAndAsATopupBalanceTransaction()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var stripe = RunningPlatform.Stripe(platform.SecretKey);

        var topup = await stripe.V1.Topups.CreateAsync(new TopupCreateOptions { Amount = 12_345, Currency = "usd" }, cancellationToken: Cancellation);
        for (var attempt = 0; attempt < 100 && topup.Status == "pending"; attempt++)
        {
            await Task.Delay(100, Cancellation);
            topup = await stripe.V1.Topups.GetAsync(topup.Id, cancellationToken: Cancellation);
        }

        var balance = await stripe.V1.Balance.GetAsync(cancellationToken: Cancellation);
        var transaction = Assert.Single((await stripe.V1.BalanceTransactions.ListAsync(
            new BalanceTransactionListOptions { Type = "topup" }, cancellationToken: Cancellation)).Data);

        Assert.Equal("succeeded", topup.Status);
        Assert.Equal(12_345, balance.Available.Single(b => b.Currency == "usd").Amount);
        Assert.Equal((12_345L, 0L, 12_345L), (transaction.Amount, transaction.Fee, transaction.Net));
        Assert.Equal(topup.BalanceTransactionId, transaction.Id);
    }

    [Fact]
    public async Task APlatformFundsItsBalance_PaysASellerBeforeAnyBuyerPays_AndTakesPartOfItBack()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var seller = "acct_" + Guid.NewGuid().ToString("N")[..22];
        await RunningPlatform.AdminAsync("accounts", "connect", "--platform", platform.Id, "--account", seller);
        var stripe = RunningPlatform.Stripe(platform.SecretKey);
        var topup = await stripe.V1.Topups.CreateAsync(new TopupCreateOptions { Amount = 50_000, Currency = "usd" }, cancellationToken: Cancellation);
        for (var attempt = 0; attempt < 100 && topup.Status == "pending"; attempt++)
        {
            await Task.Delay(100, Cancellation);
            topup = await stripe.V1.Topups.GetAsync(topup.Id, cancellationToken: Cancellation);
        }

        // The Ledger learns of the seller from the announcement the admin command made; retry until it has.
        Transfer? transfer = null;
        for (var attempt = 0; attempt < 50 && transfer is null; attempt++)
        {
            try
            {
                transfer = await stripe.V1.Transfers.CreateAsync(
                    new TransferCreateOptions { Amount = 30_000, Currency = "usd", Destination = seller, TransferGroup = "net30_invoice_1" },
                    new RequestOptions { IdempotencyKey = $"net30-{seller}" }, Cancellation);
            }
            catch (StripeException exception) when (exception.StripeError.Param == "destination")
            {
                await Task.Delay(100, Cancellation);
            }
        }

        Assert.NotNull(transfer);
        var paid = await stripe.V1.Balance.GetAsync(new RequestOptions { StripeAccount = seller }, Cancellation);
        var reversal = await stripe.V1.Transfers.Reversals.CreateAsync(transfer.Id, new TransferReversalCreateOptions { Amount = 5_000 }, cancellationToken: Cancellation);
        var sellerBalance = await stripe.V1.Balance.GetAsync(new RequestOptions { StripeAccount = seller }, Cancellation);
        var platformBalance = await stripe.V1.Balance.GetAsync(cancellationToken: Cancellation);

        Assert.Equal(30_000, paid.Available.Single(b => b.Currency == "usd").Amount);
        Assert.Equal(25_000, sellerBalance.Available.Single(b => b.Currency == "usd").Amount);
        Assert.Equal(25_000, platformBalance.Available.Single(b => b.Currency == "usd").Amount);
        Assert.Equal(5_000, (await stripe.V1.Transfers.GetAsync(transfer.Id, cancellationToken: Cancellation)).AmountReversed);
        Assert.Equal(reversal.Id, Assert.Single((await stripe.V1.Transfers.Reversals.ListAsync(transfer.Id, cancellationToken: Cancellation)).Data).Id);
    }
}
