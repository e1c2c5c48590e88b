using Dapper;
using Marketplace.Contracts.Ledger;
using Marketplace.Data;
using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;
using Marketplace.Messaging.Outbox;
using Marketplace.Testing;

namespace Marketplace.Ledger.Tests.NegativeBalances;

public sealed class NegativeBalanceCoverageTests(LedgerService ledger) : IClassFixture<LedgerService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASellerWhoseLossesThePlatformBears_GoingNegative_HoldsWhatItOwesInThePlatformsConnectReserved()
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 5_000);
        var charge = new ChargeCaptured(PrefixedId.New("ch"), platform.PlatformId, seller, 1_000, "usd");
        await RecordedCharges.RecordAsync(ledger, charge);

        // The refund comes out of the seller's available balance while the charge's 941 (1,000 less the 59 fee) is still pending: it owes 59.
        await SendAsync(new PostRefund { RefundId = PrefixedId.New("re"), ChargeId = charge.ChargeId, Amount = 1_000 });

        var reserved = await Eventually.Until(
            () => Journals.BalanceAsync(ledger.Database, LedgerAccounts.ConnectReservedOf(platform.PlatformId, "usd")), b => b != 0);
        Assert.Equal(59, reserved);
        Assert.Equal(5_000 - 59, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(platform.PlatformId, "usd")));
        var balance = await ledger.StripeFor(platform).V1.Balance.GetAsync(cancellationToken: Cancellation);
        Assert.Equal(59, balance.ConnectReserved.Single(b => b.Currency == "usd").Amount);
        var held = Assert.Single((await ledger.StripeFor(platform).V1.BalanceTransactions.ListAsync(
            new Stripe.BalanceTransactionListOptions { Type = "reserve_transaction" }, cancellationToken: Cancellation)).Data);
        Assert.Equal((-59L, "connect_reserved_funds"), (held.Amount, held.ReportingCategory));
    }

    [Fact]
    public async Task ASellerOutOfDebtAgain_GivesBackWhatThePlatformHeldForIt()
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 5_000);
        var charge = new ChargeCaptured(PrefixedId.New("ch"), platform.PlatformId, seller, 1_000, "usd");
        await RecordedCharges.RecordAsync(ledger, charge);
        await SendAsync(new PostRefund { RefundId = PrefixedId.New("re"), ChargeId = charge.ChargeId, Amount = 1_000 });
        await Eventually.Until(() => Journals.BalanceAsync(ledger.Database, LedgerAccounts.ConnectReservedOf(platform.PlatformId, "usd")), b => b == 59);

        // The platform pays the seller's 59 off: its pending 941 and available -941 owe nothing together.
        await ledger.Journal.PostAsync(
            MovementRules.Transfer(PrefixedId.New("tr"), PrefixedId.New("py"), platform.PlatformId, seller, 59, "usd", $"repay:{seller}", DateTimeOffset.UtcNow),
            Cancellation);

        Assert.Equal(0, await Eventually.Until(
            () => Journals.BalanceAsync(ledger.Database, LedgerAccounts.ConnectReservedOf(platform.PlatformId, "usd")), b => b == 0));
        Assert.Equal(5_000 - 59, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(platform.PlatformId, "usd")));
    }

    [Fact]
    public async Task ASellerBearingItsOwnLosses_GoingNegative_ReservesNothingOfThePlatforms()
    {
        var (platform, seller) = await Sellers.PlatformWithSellerAsync(ledger, funds: 5_000);
        await using (var connection = await ledger.Database.OpenConnectionAsync(Cancellation))
        {
            await connection.ExecuteAsync("UPDATE connected_accounts SET losses_payments = 'stripe' WHERE id = @seller", new { seller });
        }

        var charge = new ChargeCaptured(PrefixedId.New("ch"), platform.PlatformId, seller, 1_000, "usd");
        await RecordedCharges.RecordAsync(ledger, charge);
        await SendAsync(new PostRefund { RefundId = PrefixedId.New("re"), ChargeId = charge.ChargeId, Amount = 1_000 });
        await Eventually.Until(() => Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(seller, "usd")), b => b == -1_000);
        // The coverage check runs on the refund's announcement; a reserve, had one been wrong, would follow it at once.
        await Task.Delay(1_000, Cancellation);

        Assert.Equal(0, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.ConnectReservedOf(platform.PlatformId, "usd")));
        Assert.Equal(5_000, await Journals.BalanceAsync(ledger.Database, LedgerAccounts.AvailableOf(platform.PlatformId, "usd")));
    }

    async Task SendAsync(PostRefund command)
    {
        await using var connection = await ledger.Database.OpenConnectionAsync(Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(Cancellation);
        await transaction.PublishAsync(command, Cancellation);
        await transaction.CommitAsync(Cancellation);
    }
}
