using Dapper;
using FsCheck;
using FsCheck.Fluent;
using Marketplace.Data;
using Marketplace.Ledger.Fx;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using Marketplace.Ledger.Tests.Support;

namespace Marketplace.Ledger.Tests.Journal;

public sealed class MoneyMovementProperties(LedgerService ledger) : IClassFixture<LedgerService>
{
    static readonly FxConverter Fx = new(new Dictionary<string, decimal>(StringComparer.Ordinal) { ["usd"] = 1m, ["eur"] = 0.92m }, 100);

    /// <summary>
    /// Random charges (direct, destination, with fees, in two currencies, sellers settling in either), top-ups,
    /// transfers, reversals, refunds with every option, fee refunds, disputes, releases and payouts — the first wave
    /// posted concurrently, the movements that depend on it in a second concurrent wave, some causes repeated — end
    /// with: every transaction balanced per currency, every balance the sum of its entries, each cause once; replayed
    /// in journal order, no account that requires funds ever below zero; and for every owner and currency, the
    /// balance transactions' nets equal what its pending and available balances received.
    /// </summary>
    [Fact]
    public void RandomMoneyMovements_KeepEveryInvariant()
    {
        var operation =
            from kind in Gen.Choose(0, 9)
            from seller in Gen.Choose(0, 3)
            from amount in Gen.Choose(1, 5_000)
            from share in Gen.Choose(0, 100)
            from flags in Gen.Choose(0, 3)
            from cause in Gen.Choose(0, 30)
            select new Operation(kind, seller, amount, share, flags, cause);

        Prop.ForAll(Arb.From(Gen.ListOf(operation).Select(l => l.Take(40).ToList())), operations =>
        {
            var world = new World(PrefixedId.New("acct"));
            var (first, second) = world.Plan(operations);
            var accepted = Post(first).Concat(Post(second)).ToList();

            Journals.AssertConsistentAsync(ledger.Database, [world.Platform, .. world.Sellers]).GetAwaiter().GetResult();
            return (RequiredFundsNeverNegative(world, accepted) && BalanceTransactionsMatchTheJournal(world)
                && accepted.Select(p => p.Cause).Distinct().Count() == accepted.Count)
                .Label($"funds {RequiredFundsNeverNegative(world, accepted)}, views {BalanceTransactionsMatchTheJournal(world)}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    List<Posting> Post(IReadOnlyList<Posting> postings)
    {
        var results = Task.WhenAll(postings.Select(p => ledger.Journal.PostAsync(p))).GetAwaiter().GetResult();
        return postings.Where((_, i) => results[i] is PostingResult.Posted).ToList();
    }

    bool RequiredFundsNeverNegative(World world, IReadOnlyList<Posting> accepted)
    {
        using var connection = ledger.Database.OpenConnection();
        var order = connection.Query<string>(
            "SELECT cause FROM journal_transactions WHERE cause LIKE @prefix ORDER BY position", new { prefix = world.Platform + ":%" }).ToList();
        var byCause = accepted.ToDictionary(p => p.Cause, StringComparer.Ordinal);
        var balances = new Dictionary<LedgerAccount, long>();
        foreach (var posting in order.Select(c => byCause[c]))
        {
            foreach (var line in posting.Lines)
            {
                balances[line.Account] = balances.GetValueOrDefault(line.Account) + line.Amount;
            }

            if (posting.Lines.Any(l => l.RequiresFunds && balances[l.Account] < 0))
            {
                return false;
            }
        }

        return true;
    }

    bool BalanceTransactionsMatchTheJournal(World world)
    {
        using var connection = ledger.Database.OpenConnection();
        var mismatches = connection.ExecuteScalar<long>(
            """
            WITH owners AS (SELECT unnest(@owners) AS owner),
            views AS (SELECT owner, currency, sum(net) AS total FROM balance_transactions WHERE owner IN (SELECT owner FROM owners) GROUP BY 1, 2),
            held AS (SELECT owner, currency, sum(amount) AS total FROM journal_entries
                     WHERE owner IN (SELECT owner FROM owners) AND bucket IN ('pending', 'available') GROUP BY 1, 2)
            SELECT count(*) FROM views FULL JOIN held USING (owner, currency)
            WHERE coalesce(views.total, 0) <> coalesce(held.total, 0)
            """, new { owners = new[] { world.Platform }.Concat(world.Sellers).ToArray() });
        return mismatches == 0;
    }

    sealed record Operation(int Kind, int Seller, long Amount, int Share, int Flags, int Cause);

    /// <summary>One platform, four sellers (two settling in euros), and the postings the operations make, in two waves.</summary>
    sealed class World(string platform)
    {
        static readonly DateTimeOffset At = DateTimeOffset.UtcNow;

        public string Platform { get; } = platform;

        public string[] Sellers { get; } = [.. Enumerable.Range(0, 4).Select(i => $"{platform}_s{i}")];

        Dictionary<string, string> Settlement => new(StringComparer.Ordinal) { [Sellers[2]] = "eur", [Sellers[3]] = "eur" };

        public (List<Posting> First, List<Posting> Second) Plan(IReadOnlyList<Operation> operations)
        {
            var first = new List<Posting>();
            var second = new List<Posting>();
            foreach (var (o, index) in operations.Select((o, i) => (o, i)))
            {
                var seller = Sellers[o.Seller];
                var currency = o.Flags % 2 == 0 ? "usd" : "eur";
                var id = $"{Platform}_{index}";
                switch (o.Kind)
                {
                    case 0 or 1 or 2:
                        var fee = o.Amount * o.Share / 200;
                        var charge = o.Kind == 2
                            ? new ChargeCaptured($"ch_{id}", Platform, seller, o.Amount, currency, ApplicationFeeAmount: fee, ApplicationFeeId: $"fee_{id}")
                            : new ChargeCaptured($"ch_{id}", Platform, Platform, o.Amount, currency, seller,
                                o.Kind == 1 ? o.Amount * o.Share / 100 : null, fee, $"fee_{id}");
                        first.Add(Settle(ChargeRules.Captured(charge, FeeSchedule.StandardCard, $"{Platform}:charge:{o.Cause}", At)));
                        second.Add(Settle(RefundRules.Issued(
                            new RefundIssued($"re_{id}", charge, Math.Max(1, o.Amount * o.Share / 100), o.Flags >= 2, o.Flags % 2 == 1, $"fr_{id}"),
                            $"{Platform}:refund:{o.Cause}", At)));
                        second.Add(Settle(MovementRules.Release($"txn_{id}", charge.OnAccount, o.Amount / 2, currency, $"{Platform}:release:{o.Cause}")));
                        break;
                    case 3:
                        first.Add(MovementRules.TopupSucceeded($"tu_{id}", Platform, o.Amount, currency, $"{Platform}:topup:{o.Cause}", At));
                        break;
                    case 4 or 5:
                        second.Add(Settle(MovementRules.Transfer($"tr_{id}", $"py_{id}", Platform, seller, o.Amount, currency, $"{Platform}:transfer:{o.Cause}", At)));
                        second.Add(Settle(MovementRules.TransferReversal($"trr_{id}", $"pyr_{id}", Platform, seller, o.Amount * o.Share / 100 + 1, currency,
                            $"{Platform}:reversal:{o.Cause}", At)));
                        break;
                    case 6:
                        second.Add(Settle(ApplicationFeeRules.Refunded($"fr_{id}", Platform, seller, o.Amount, currency, $"{Platform}:fee_refund:{o.Cause}", At)));
                        break;
                    case 7:
                        var disputed = new ChargeCaptured($"ch_{id}", Platform, Platform, o.Amount, currency);
                        second.Add(DisputeRules.Withdrawn($"dp_{id}", disputed, o.Amount, FeeSchedule.StandardCard, $"{Platform}:dispute:{o.Cause}", At));
                        break;
                    default:
                        var owner = o.Kind == 8 ? Platform : seller;
                        var payoutCurrency = Settlement.GetValueOrDefault(owner, currency);
                        second.Add(MovementRules.PayoutReserved($"po_{id}", owner, o.Amount, payoutCurrency, $"{Platform}:payout:{o.Cause}", At));
                        break;
                }
            }

            return (first, second);
        }

        Posting Settle(Posting posting) => FxSettlement.Apply(posting, Settlement, Fx);
    }
}
