using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;

namespace Marketplace.Ledger.Fx;

/// <summary>
/// Settlement in each account's default currency, applied to a posting after its rules: every line of an owner whose
/// settlement currency differs from the line's is converted at posting time, through <c>system:fx</c>, which takes the
/// original currency and pays out the settlement currency (so each currency still sums to zero), and the owner's
/// balance transactions show the converted amounts with their <c>exchange_rate</c>. Each amount is converted on its
/// own, rounded half to even on the target's minor unit; conversion is symmetric in sign, so a balance transaction's
/// net still equals what its lines give the owner.
/// </summary>
public static class FxSettlement
{
    public static Posting Apply(Posting posting, IReadOnlyDictionary<string, string> settlementCurrencies, FxConverter fx)
    {
        ArgumentNullException.ThrowIfNull(posting);
        ArgumentNullException.ThrowIfNull(settlementCurrencies);
        ArgumentNullException.ThrowIfNull(fx);
        string? TargetOf(string owner, string currency) => TargetCurrency(settlementCurrencies, owner, currency);

        if (!Converts(posting, settlementCurrencies))
        {
            return posting;
        }

        var lines = new List<JournalLine>();
        var throughFx = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in posting.Lines)
        {
            if (TargetOf(line.Account.Owner, line.Account.Currency) is not { } target)
            {
                lines.Add(line);
                continue;
            }

            var converted = fx.Convert(line.Amount, line.Account.Currency, target).Amount;
            lines.Add(line with { Account = line.Account with { Currency = target }, Amount = converted });
            throughFx[line.Account.Currency] = throughFx.GetValueOrDefault(line.Account.Currency) + line.Amount;
            throughFx[target] = throughFx.GetValueOrDefault(target) - converted;
        }

        lines.AddRange(throughFx.Where(f => f.Value != 0).Select(f => new JournalLine(LedgerAccounts.FxConversion(f.Key), f.Value)));
        var views = posting.BalanceTransactions.Select(view =>
        {
            if (TargetOf(view.Owner, view.Currency) is not { } target)
            {
                return view;
            }

            var amount = fx.Convert(view.Amount, view.Currency, target);
            return view with
            {
                Currency = target,
                Amount = amount.Amount,
                Fee = fx.Convert(view.Fee, view.Currency, target).Amount,
                ExchangeRate = amount.ExchangeRate,
            };
        }).ToList();
        return posting with { Lines = lines, BalanceTransactions = views };
    }

    /// <summary>Whether any line of <paramref name="posting"/> belongs to an owner that settles in another currency.</summary>
    public static bool Converts(Posting posting, IReadOnlyDictionary<string, string> settlementCurrencies)
    {
        ArgumentNullException.ThrowIfNull(posting);
        ArgumentNullException.ThrowIfNull(settlementCurrencies);
        return posting.Lines.Any(l => TargetCurrency(settlementCurrencies, l.Account.Owner, l.Account.Currency) is not null);
    }

    static string? TargetCurrency(IReadOnlyDictionary<string, string> settlementCurrencies, string owner, string currency) =>
        settlementCurrencies.TryGetValue(owner, out var target) && target != currency ? target : null;
}
