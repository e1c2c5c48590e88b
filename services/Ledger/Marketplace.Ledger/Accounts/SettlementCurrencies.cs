using Dapper;
using Npgsql;

namespace Marketplace.Ledger.Accounts;

/// <summary>The settlement currencies of a charge's connected accounts that have one, for <see cref="Fx.FxSettlement"/>.</summary>
public static class SettlementCurrencies
{
    /// <summary>
    /// The settlement currencies of a charge's owners. A charge made <c>on_behalf_of</c> a connected account settles
    /// in that account's currency, the platform's share included, as Stripe settles it in the account's country.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ForChargeAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, PostingRules.ChargeCaptured charge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(charge);
        var currencies = await ForAsync(connection, transaction, [charge.OnAccount, charge.Destination, charge.OnBehalfOf], cancellationToken);
        if (charge.OnBehalfOf is not { } onBehalfOf || !currencies.TryGetValue(onBehalfOf, out var settlesIn))
        {
            return currencies;
        }

        return new Dictionary<string, string>(currencies, StringComparer.Ordinal) { [charge.OnAccount] = settlesIn };
    }

    static async Task<IReadOnlyDictionary<string, string>> ForAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IEnumerable<string?> owners, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Id, string Currency)>(new CommandDefinition(
            "SELECT id, default_currency FROM connected_accounts WHERE id = ANY(@owners) AND default_currency IS NOT NULL",
            new { owners = owners.OfType<string>().Distinct().ToArray() }, transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => r.Currency, StringComparer.Ordinal);
    }
}
