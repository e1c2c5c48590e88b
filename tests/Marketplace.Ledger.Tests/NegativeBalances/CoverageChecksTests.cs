using Marketplace.Ledger.Journal;
using Marketplace.Ledger.NegativeBalances;
using Marketplace.Ledger.PostingRules;

namespace Marketplace.Ledger.Tests.NegativeBalances;

/// <summary>A coverage check is due for an owner whose pending plus available balance is or was below zero, and only then.</summary>
public sealed class CoverageChecksTests
{
    const string Seller = "acct_seller";
    static readonly LedgerAccount Pending = LedgerAccounts.PendingOf(Seller, "usd");
    static readonly LedgerAccount Available = LedgerAccounts.AvailableOf(Seller, "usd");
    static readonly LedgerAccount Outside = new("system:outside", "usd", "clearing");

    [Theory]
    [InlineData(100, 0, -50, false)] // 100 → 50 owed nothing, before or after
    [InlineData(100, 0, -150, true)] // 100 → -50: in debt
    [InlineData(-80, 0, 100, true)] // -80 → 20: out of debt, its reserve must go
    [InlineData(-80, 0, 30, true)] // -80 → -50: owes less
    [InlineData(0, 100, -60, false)] // available 100 → 40 with pending at 0
    [InlineData(500, -50, -20, false)] // available negative, but pending covers it: the sum is what is owed
    public void IsDue_WhenThePendingPlusAvailableSumIsOrWasNegative(long pending, long available, long movement, bool due)
    {
        var batch = new JournalBatch(
            new Dictionary<LedgerAccount, long> { [Pending] = pending, [Available] = available, [Outside] = 0 }, new Dictionary<string, string>());
        batch.Apply(new Posting("cause", "adjustment", null, [new JournalLine(Available, movement), new JournalLine(Outside, -movement)]));

        var checks = CoverageChecks.Due(batch);

        Assert.Equal(due, checks.Any(c => c.AccountId == Seller && c.Currency == "usd"));
        Assert.DoesNotContain(checks, c => c.AccountId == Outside.Owner);
    }

    [Fact]
    public void EachOwnerInDebt_IsCheckedOnce_CausedByTheLastTransactionThatMovedIt()
    {
        var batch = new JournalBatch(
            new Dictionary<LedgerAccount, long> { [Pending] = 0, [Available] = 0, [Outside] = 0 }, new Dictionary<string, string>());
        batch.Apply(new Posting("first", "adjustment", null, [new JournalLine(Available, -10), new JournalLine(Outside, 10)]));
        var last = (PostingResult.Posted)batch.Apply(new Posting("second", "adjustment", null, [new JournalLine(Pending, -10), new JournalLine(Outside, 10)]));

        var check = Assert.Single(CoverageChecks.Due(batch));

        Assert.Equal((Seller, "usd", last.TransactionId), (check.AccountId, check.Currency, check.JournalTransactionId));
    }

    [Fact]
    public void ThePendingOrAvailableAccountsOfAnOwner_AreLockedWithTheirSiblings()
    {
        var locked = CoverageChecks.WithSiblings([Available, Outside]).ToHashSet();

        Assert.Equal(new HashSet<LedgerAccount> { Pending, Available, Outside }, locked);
    }
}
