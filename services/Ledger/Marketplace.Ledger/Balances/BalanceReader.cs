using Dapper;
using Marketplace.Ledger.PostingRules;
using Npgsql;

namespace Marketplace.Ledger.Balances;

/// <summary>An owner's <see cref="Balance"/> from its ledger accounts, for the API and for <c>balance.available</c> events.</summary>
public static class BalanceReader
{
    /// <summary>Shown, as on Stripe, when an account has never held money: a zero balance in this currency.</summary>
    const string DefaultCurrency = "usd";

    public static async Task<Balance> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = (await connection.QueryAsync<(string Currency, string Bucket, long Balance)>(new CommandDefinition(
            "SELECT currency, bucket, balance FROM ledger_accounts WHERE owner = @owner ORDER BY currency COLLATE \"C\"",
            new { owner }, transaction, cancellationToken: cancellationToken))).ToList();
        var currencies = rows.Select(r => r.Currency).Distinct(StringComparer.Ordinal).DefaultIfEmpty(DefaultCurrency).ToList();

        IReadOnlyList<BalanceAmount> In(string bucket) =>
        [
            .. currencies.Select(currency =>
            {
                var amount = rows.Where(r => r.Currency == currency && r.Bucket == bucket).Sum(r => r.Balance);
                return new BalanceAmount(amount, currency, new Dictionary<string, long> { ["card"] = amount });
            }),
        ];

        return new Balance(In(LedgerAccounts.Available), In(LedgerAccounts.ConnectReserved), In(LedgerAccounts.Pending));
    }
}
