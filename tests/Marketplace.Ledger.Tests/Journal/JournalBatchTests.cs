using Marketplace.Ledger.Journal;
using Marketplace.Ledger.Tests.Support;

namespace Marketplace.Ledger.Tests.Journal;

public sealed class JournalBatchTests
{
    static readonly LedgerAccount Alice = Journals.Available("acct_alice");
    static readonly LedgerAccount Bob = Journals.Available("acct_bob");

    [Fact]
    public void Postings_ApplyInOrder_EachOnTheBalancesTheOneBeforeLeft()
    {
        var batch = new JournalBatch(new Dictionary<LedgerAccount, long> { [Alice] = 100, [Bob] = 0 }, new Dictionary<string, string>());

        var first = batch.Apply(Journals.Transfer("t1", Alice, Bob, 70));
        var second = batch.Apply(Journals.Transfer("t2", Alice, Bob, 70));
        var third = batch.Apply(Journals.Transfer("t3", Bob, Alice, 70));

        Assert.IsType<PostingResult.Posted>(first);
        Assert.Equal(new PostingResult.InsufficientFunds(Alice), second);
        Assert.IsType<PostingResult.Posted>(third);
        Assert.Equal(2, batch.Accepted.Count);
        // Back where they started.
        Assert.Equal(batch.Before, batch.After);
    }

    [Fact]
    public void ACauseSeenBefore_OrEarlierInTheBatch_IsAnsweredWithItsFirstTransaction()
    {
        var batch = new JournalBatch(new Dictionary<LedgerAccount, long> { [Alice] = 100, [Bob] = 0 },
            new Dictionary<string, string> { ["old"] = "jtx_old" });

        var old = batch.Apply(Journals.Transfer("old", Alice, Bob, 10));
        var first = (PostingResult.Posted)batch.Apply(Journals.Transfer("new", Alice, Bob, 10));
        var again = batch.Apply(Journals.Transfer("new", Alice, Bob, 10));

        Assert.Equal(new PostingResult.AlreadyPosted("jtx_old"), old);
        Assert.Equal(new PostingResult.AlreadyPosted(first.TransactionId), again);
        Assert.Single(batch.Accepted);
        Assert.Equal(90, batch.After[Alice]);
    }

    [Fact]
    public void ARefusedPosting_ChangesNoBalanceAtAll()
    {
        var batch = new JournalBatch(new Dictionary<LedgerAccount, long> { [Alice] = 5, [Bob] = 0 }, new Dictionary<string, string>());

        var refused = batch.Apply(new Posting("p", "transfer", null,
        [
            new JournalLine(Bob, 10),
            new JournalLine(Alice, -10, RequiresFunds: true),
        ]));

        Assert.IsType<PostingResult.InsufficientFunds>(refused);
        Assert.Equal(batch.Before, batch.After);
        Assert.Empty(batch.Accepted);
    }

    [Theory]
    [InlineData(10, -9, "do not sum to zero")]
    [InlineData(10, -10, null)]
    public void Invalid_EnforcesDoubleEntryPerCurrency(long credit, long debit, string? problem)
    {
        var posting = new Posting("c", "adjustment", null, [new JournalLine(Alice, credit), new JournalLine(Bob, debit)]);

        if (problem is null)
        {
            Assert.Null(posting.Invalid());
        }
        else
        {
            Assert.Contains(problem, posting.Invalid(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Invalid_ChecksEachCurrencyOnItsOwn()
    {
        var posting = new Posting("c", "fx", null,
        [
            new JournalLine(Journals.Available("a", "usd"), -100),
            new JournalLine(Journals.Available("a", "eur"), 92),
        ]);

        Assert.NotNull(posting.Invalid());
    }
}
