using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;

namespace Marketplace.Ledger.Tests.PostingRules;

public sealed class PostingRulesTests
{
    const string Platform = "acct_platform";
    const string Seller = "acct_seller";
    static readonly DateTimeOffset AvailableOn = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    static long Effect(Posting posting, LedgerAccount account) => posting.Lines.Where(l => l.Account == account).Sum(l => l.Amount);

    [Fact]
    public void DestinationChargeWithApplicationFee_ReproducesStripesWorkedExample()
    {
        // Stripe: a 10.00 destination charge with a 1.23 application fee credits the connected account 10.00 and
        // debits it 1.23; the platform receives 1.23 minus its processing fee (2.9 % + 0.30 = 0.59).
        var charge = new ChargeCaptured("ch_1", Platform, Platform, 1000, "usd", Destination: Seller, ApplicationFeeAmount: 123, ApplicationFeeId: "fee_1");

        var posting = ChargeRules.Captured(charge, FeeSchedule.StandardCard, "charge:ch_1", AvailableOn);

        Assert.Null(posting.Invalid());
        Assert.Equal(1000 - 123, Effect(posting, LedgerAccounts.PendingOf(Seller, "usd")));
        Assert.Equal(123 - 59, Effect(posting, LedgerAccounts.PendingOf(Platform, "usd")));
        Assert.Equal(59, Effect(posting, LedgerAccounts.ProcessingFees("usd")));
        Assert.Equal(-1000, Effect(posting, LedgerAccounts.ProcessorClearing("usd")));
        Assert.Contains(posting.Lines, l => l.Account == LedgerAccounts.PendingOf(Seller, "usd") && l.Amount == 1000);
        Assert.Contains(posting.Lines, l => l.Account == LedgerAccounts.PendingOf(Seller, "usd") && l.Amount == -123);
    }

    [Fact]
    public void DestinationCharge_ShowsInEachOwnersBalanceTransactionsAsStripeShowsIt()
    {
        var charge = new ChargeCaptured("ch_1", Platform, Platform, 1000, "usd", Destination: Seller, ApplicationFeeAmount: 123, ApplicationFeeId: "fee_1");

        var views = ChargeRules.Captured(charge, FeeSchedule.StandardCard, "charge:ch_1", AvailableOn).BalanceTransactions;

        var payment = Assert.Single(views, v => v.Owner == Seller);
        Assert.Equal(("payment", 1000L, 123L, 877L, "application_fee"), (payment.Type, payment.Amount, payment.Fee, payment.Net, payment.FeeType));
        Assert.Equal(
            [("charge", 1000L, 59L), ("transfer", -1000L, 0L), ("application_fee", 123L, 0L)],
            views.Where(v => v.Owner == Platform).Select(v => (v.Type, v.Amount, v.Fee)));
        Assert.All(views, v => Assert.Equal(AvailableOn, v.AvailableOn));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(Seller, null, 123L)]
    [InlineData(Seller, 877L, null)]
    [InlineData(null, null, 50L)]
    public void EveryChargeShape_BalanceTransactionsNetToWhatTheJournalGivesEachOwner(string? destination, long? transferAmount, long? applicationFee)
    {
        var onAccount = destination is null && applicationFee is not null ? Seller : Platform;
        var charge = new ChargeCaptured("ch_x", Platform, onAccount, 2000, "usd", destination, transferAmount, applicationFee, "fee_x");

        var posting = ChargeRules.Captured(charge, FeeSchedule.StandardCard, "charge:ch_x", AvailableOn);

        foreach (var owner in new[] { Platform, Seller })
        {
            Assert.Equal(Effect(posting, LedgerAccounts.PendingOf(owner, "usd")), posting.BalanceTransactions.Where(v => v.Owner == owner).Sum(v => v.Net));
        }
    }

    [Fact]
    public void DestinationChargeWithTransferAmount_GivesTheDestinationThatAmount()
    {
        var charge = new ChargeCaptured("ch_2", Platform, Platform, 1000, "usd", Destination: Seller, TransferAmount: 877);

        var posting = ChargeRules.Captured(charge, FeeSchedule.StandardCard, "charge:ch_2", AvailableOn);

        Assert.Equal(877, Effect(posting, LedgerAccounts.PendingOf(Seller, "usd")));
        Assert.Equal(1000 - 59 - 877, Effect(posting, LedgerAccounts.PendingOf(Platform, "usd")));
    }

    [Fact]
    public void DirectChargeWithApplicationFee_TheConnectedAccountPaysTheFeeAndTheApplicationFee()
    {
        var charge = new ChargeCaptured("ch_3", Platform, Seller, 1000, "usd", ApplicationFeeAmount: 123, ApplicationFeeId: "fee_1");

        var posting = ChargeRules.Captured(charge, FeeSchedule.StandardCard, "charge:ch_3", AvailableOn);

        Assert.Equal(1000 - 59 - 123, Effect(posting, LedgerAccounts.PendingOf(Seller, "usd")));
        Assert.Equal(123, Effect(posting, LedgerAccounts.PendingOf(Platform, "usd")));
    }

    [Theory]
    [InlineData(500, 14 + 30)]     // 14.5 rounds to the even 14
    [InlineData(1500, 44 + 30)]    // 43.5 rounds to the even 44
    [InlineData(1000, 29 + 30)]
    [InlineData(0, 30)]
    public void ProcessingFee_RoundsThePercentageHalfToEven(long amount, long fee) =>
        Assert.Equal(fee, FeeSchedule.StandardCard.FeeFor(amount));

    [Fact]
    public void PartialRefundOfADestinationCharge_ReversesTheTransferAndTheFeeInProportion()
    {
        var charge = new ChargeCaptured("ch_4", Platform, Platform, 1000, "usd", Destination: Seller, ApplicationFeeAmount: 123, ApplicationFeeId: "fee_1");

        var posting = RefundRules.Issued(new RefundIssued("re_1", charge, 500, ReverseTransfer: true, RefundApplicationFee: true, FeeRefundId: "fr_1"), "refund:re_1", AvailableOn);

        Assert.Null(posting.Invalid());
        // Half the transfer (500) comes back from the seller; half the application fee (61.5, to the even 62) goes back to it.
        Assert.Equal(-500 + 62, Effect(posting, LedgerAccounts.AvailableOf(Seller, "usd")));
        Assert.Equal(-500 + 500 - 62, Effect(posting, LedgerAccounts.AvailableOf(Platform, "usd")));
        Assert.Equal(500, Effect(posting, LedgerAccounts.ProcessorClearing("usd")));
    }

    [Fact]
    public void RefundWithoutOptions_IsBorneByTheAccountTheChargeWasOn()
    {
        var charge = new ChargeCaptured("ch_5", Platform, Platform, 1000, "usd", Destination: Seller, ApplicationFeeAmount: 123, ApplicationFeeId: "fee_1");

        var posting = RefundRules.Issued(new RefundIssued("re_2", charge, 1000), "refund:re_2", AvailableOn);

        Assert.Equal(-1000, Effect(posting, LedgerAccounts.AvailableOf(Platform, "usd")));
        Assert.Equal(0, Effect(posting, LedgerAccounts.AvailableOf(Seller, "usd")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void RefundOutsideTheCharge_IsRefused(long amount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RefundRules.Issued(
            new RefundIssued("re_3", new ChargeCaptured("ch_6", Platform, Platform, 1000, "usd"), amount), "refund:re_3", AvailableOn));

    [Fact]
    public void PayoutLifecycle_ReservesThenPaysOrReturns()
    {
        var reserve = MovementRules.PayoutReserved("po_1", Seller, 700, "usd", "payout:po_1:reserve", AvailableOn);
        var paid = MovementRules.PayoutPaid("po_1", Seller, 700, "usd", "payout:po_1:settle");
        var failed = MovementRules.PayoutFailed("po_1", Seller, 700, "usd", "payout:po_1:settle", AvailableOn);

        Assert.True(reserve.Lines.Single(l => l.Amount < 0).RequiresFunds);
        Assert.Equal(700, Effect(reserve, LedgerAccounts.PayoutInTransitOf(Seller, "usd")));
        Assert.Equal(-700, Effect(paid, LedgerAccounts.PayoutInTransitOf(Seller, "usd")));
        Assert.Equal(700, Effect(failed, LedgerAccounts.AvailableOf(Seller, "usd")));
        Assert.All(new[] { reserve, paid, failed }, p => Assert.Null(p.Invalid()));
    }
}
