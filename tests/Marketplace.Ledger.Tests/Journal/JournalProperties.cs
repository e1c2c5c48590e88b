using FsCheck;
using FsCheck.Fluent;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.Tests.Support;

namespace Marketplace.Ledger.Tests.Journal;

public sealed class JournalProperties(LedgerService ledger) : IClassFixture<LedgerService>
{
    /// <summary>
    /// Any interleaving of fundings and transfers among five accounts, posted concurrently and with some causes
    /// repeated, ends with: no account that requires funds below zero, every transaction balanced, every balance the
    /// sum of its entries, and each cause journaled once — and the balances equal to replaying the accepted postings.
    /// </summary>
    [Fact]
    public void RandomInterleavings_KeepEveryInvariant()
    {
        var operation =
            from kind in Gen.Choose(0, 3)
            from source in Gen.Choose(0, 4)
            from target in Gen.Choose(0, 4)
            from amount in Gen.Choose(1, 500)
            from cause in Gen.Choose(0, 40)
            select (Fund: kind == 0, From: source, To: target, Amount: (long)amount, Cause: cause);

        Prop.ForAll(Arb.From(Gen.ListOf(operation).Select(l => l.Take(60).ToList())), operations =>
        {
            var run = Marketplace.Data.PrefixedId.New("run");
            var accounts = Enumerable.Range(0, 5).Select(i => Journals.Available($"{run}_{i}")).ToArray();
            var postings = operations
                .Where(o => o.Fund || o.From != o.To)
                .Select(o => o.Fund
                    ? Journals.Fund($"{run}:fund:{o.Cause}", accounts[o.To], o.Amount)
                    : Journals.Transfer($"{run}:tr:{o.Cause}", accounts[o.From], accounts[o.To], o.Amount))
                .ToList();

            var results = Task.WhenAll(postings.Select(p => ledger.Journal.PostAsync(p))).GetAwaiter().GetResult();

            var balances = accounts.Select(a => Journals.BalanceAsync(ledger.Database, a).GetAwaiter().GetResult()).ToArray();
            Journals.AssertConsistentAsync(ledger.Database, [.. accounts.Select(a => a.Owner)]).GetAwaiter().GetResult();
            var posted = postings.Where((_, i) => results[i] is PostingResult.Posted).ToList();
            var replayed = accounts.Select(a => posted.SelectMany(p => p.Lines).Where(l => l.Account == a).Sum(l => l.Amount)).ToArray();
            var eachCauseOnce = posted.Select(p => p.Cause).Distinct().Count() == posted.Count;
            return balances.All(b => b >= 0) && balances.SequenceEqual(replayed) && eachCauseOnce;
        }).QuickCheckThrowOnFailure();
    }
}
