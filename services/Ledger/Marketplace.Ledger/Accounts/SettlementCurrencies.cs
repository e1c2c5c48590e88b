using Dapper;
using Npgsql;

namespace Marketplace.Ledger.Accounts;

/// <summary>The settlement currencies of the connected accounts that have one, for <see cref="Fx.FxSettlement"/>.</summary>
public static class SettlementCurrencies
{
    public static async Task<IReadOnlyDictionary<string, string>> ForAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IEnumerable<string?> owners, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Id, string Currency)>(new CommandDefinition(
            "SELECT id, default_currency FROM connected_accounts WHERE id = ANY(@owners) AND default_currency IS NOT NULL",
            new { owners = owners.OfType<string>().Distinct().ToArray() }, transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => r.Currency, StringComparer.Ordinal);
    }
}
