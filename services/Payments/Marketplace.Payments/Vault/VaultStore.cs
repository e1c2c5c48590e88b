using Dapper;
using Marketplace.Data;
using Npgsql;

namespace Marketplace.Payments.Vault;

/// <summary>The SQL of <c>vault_entries</c>: sealed numbers, apart from the payment methods that name them.</summary>
internal static class VaultStore
{
    /// <summary>Stores <paramref name="card"/> in the caller's transaction and returns its vault id.</summary>
    public static async Task<string> InsertAsync(NpgsqlTransaction transaction, SealedCard card, CancellationToken cancellationToken)
    {
        var id = PrefixedId.New("vc");
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "INSERT INTO vault_entries (id, sealed_data_key, sealed_number) VALUES (@id, @SealedDataKey, @SealedNumber)",
            new { id, card.SealedDataKey, card.SealedNumber }, transaction, cancellationToken: cancellationToken));
        return id;
    }

    /// <summary>Read in the caller's transaction, which may be the one that just sealed the card.</summary>
    public static async Task<SealedCard> GetAsync(NpgsqlTransaction transaction, string id, CancellationToken cancellationToken)
    {
        var row = await transaction.Connection!.QuerySingleAsync(new CommandDefinition(
            "SELECT sealed_data_key, sealed_number FROM vault_entries WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        return new SealedCard((byte[])row.sealed_data_key, (byte[])row.sealed_number);
    }

    public static Task DeleteAsync(NpgsqlTransaction transaction, string id, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM vault_entries WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
}
