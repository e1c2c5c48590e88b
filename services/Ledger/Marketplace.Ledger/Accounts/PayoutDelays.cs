using Dapper;
using Npgsql;

namespace Marketplace.Ledger.Accounts;

/// <summary>The <c>delay_days</c> of the connected accounts that set one.</summary>
public static class PayoutDelays
{
    public static async Task<IReadOnlyDictionary<string, int>> ForAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IEnumerable<string?> owners, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Id, int Days)>(new CommandDefinition(
            "SELECT id, delay_days FROM connected_accounts WHERE id = ANY(@owners) AND delay_days IS NOT NULL",
            new { owners = owners.OfType<string>().Distinct().ToArray() }, transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => r.Days, StringComparer.Ordinal);
    }
}
