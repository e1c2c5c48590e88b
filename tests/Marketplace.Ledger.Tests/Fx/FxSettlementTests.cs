using Marketplace.Ledger.Fx;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;

namespace Marketplace.Ledger.Tests.Fx;

public sealed class FxSettlementTests
{
    const string Platform = "acct_platform";
    const string Seller = "acct_seller";
    static readonly FxConverter Fx = new(new Dictionary<string, decimal>(StringComparer.Ordinal) { ["usd"] = 1m, ["eur"] = 0.92m, ["jpy"] = 151.2m }, 100);
    static readonly DateTimeOffset At = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AEuroDestinationChargeToAUsdSeller_PaysTheSellerInUsdAtTheMarkedDownRate()
    {
        var charge = new ChargeCaptured("ch_1", Platform, Platform, 10_000, "eur", Destination: Seller, ApplicationFeeAmount: 1_000, ApplicationFeeId: "fee_1");

        var posting = FxSettlement.Apply(ChargeRules.Captured(charge, FeeSchedule.StandardCard, "charge:ch_1", At), new Dictionary<string, string> { [Seller] = "usd" }, Fx);

        Assert.Null(posting.Invalid());
        Assert.All(posting.Lines.Where(l => l.Account.Owner == Seller), l => Assert.Equal("usd", l.Account.Currency));
        Assert.All(posting.Lines.Where(l => l.Account.Owner == Platform), l => Assert.Equal("eur", l.Account.Currency));
        // 100.00 EUR at 1/0.92 less 1 % = 1.0760869565 → 107.61 USD; the 10.00 EUR fee → 10.76 USD.
        var payment = Assert.Single(posting.BalanceTransactions, v => v.Owner == Seller);
        Assert.Equal(("usd", 10_761L, 1_076L, 1.0760869565m), (payment.Currency, payment.Amount, payment.Fee, payment.ExchangeRate));
        Assert.Equal(payment.Net, posting.Lines.Where(l => l.Account.Owner == Seller).Sum(l => l.Amount));
        Assert.All(posting.BalanceTransactions.Where(v => v.Owner == Platform), v => Assert.Null(v.ExchangeRate));
    }

    [Fact]
    public void APostingWithNothingToConvert_IsReturnedAsItWas()
    {
        var posting = ChargeRules.Captured(new ChargeCaptured("ch_2", Platform, Platform, 1_000, "usd"), FeeSchedule.StandardCard, "charge:ch_2", At);

        Assert.Same(posting, FxSettlement.Apply(posting, new Dictionary<string, string> { [Seller] = "usd", [Platform] = "usd" }, Fx));
    }

    [Theory]
    [InlineData(7_000L, 13L, 20_000L)]
    [InlineData(999L, 1L, 333L)]
    [InlineData(10_000L, 1_234L, 5_001L)]
    public void ARefundWithEveryOptionInYen_KeepsEachCurrencyBalancedAndEveryNetEqualToItsLines(long transfer, long fee, long refunded)
    {
        var charge = new ChargeCaptured("ch_3", Platform, Platform, 20_000, "jpy", Seller, transfer, fee, "fee_3");
        var refund = RefundRules.Issued(new RefundIssued("re_3", charge, refunded, ReverseTransfer: true, RefundApplicationFee: true, FeeRefundId: "fr_3"), "refund:re_3", At);

        var posting = FxSettlement.Apply(refund, new Dictionary<string, string> { [Seller] = "eur" }, Fx);

        Assert.Null(posting.Invalid());
        Assert.Equal(
            posting.BalanceTransactions.Where(v => v.Owner == Seller).Sum(v => v.Net),
            posting.Lines.Where(l => l.Account.Owner == Seller).Sum(l => l.Amount));
        Assert.Contains(posting.Lines, l => l.Account == LedgerAccounts.FxConversion("jpy"));
    }
}
