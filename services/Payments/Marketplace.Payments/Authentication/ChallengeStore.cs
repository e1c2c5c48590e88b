using Dapper;
using Npgsql;

namespace Marketplace.Payments.Authentication;

/// <summary>The SQL of <c>authentication_challenges</c>; every write runs in the caller's transaction.</summary>
internal static class ChallengeStore
{
    const string Columns = "id, subject, reference, kind, return_url, client_secret, completed_at, succeeded";

    public static Task InsertAsync(NpgsqlTransaction transaction, string id, ChallengeRequest request, DateTimeOffset created, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO authentication_challenges (id, subject, reference, kind, return_url, client_secret, created)
            VALUES (@id, @Subject, @Reference, @Kind, @ReturnUrl, @ClientSecret, @created)
            """,
            new { id, request.Subject, request.Reference, request.Kind, request.ReturnUrl, request.ClientSecret, created },
            transaction, cancellationToken: cancellationToken));

    public static async Task<StoredChallenge?> FindAsync(NpgsqlConnection connection, string id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<StoredChallenge>(new CommandDefinition(
            $"SELECT {Columns} FROM authentication_challenges WHERE id = @id", new { id }, cancellationToken: cancellationToken));

    /// <summary>
    /// Records the payer's choice unless one is recorded already: of two concurrent submits, the second waits for the
    /// first's row lock, then finds <c>completed_at</c> set and changes nothing. Null when nothing changed.
    /// </summary>
    public static async Task<StoredChallenge?> TryCompleteAsync(NpgsqlTransaction transaction, string id, bool succeeded, CancellationToken cancellationToken) =>
        await transaction.Connection!.QuerySingleOrDefaultAsync<StoredChallenge>(new CommandDefinition(
            $"""
            UPDATE authentication_challenges SET completed_at = now(), succeeded = @succeeded
            WHERE id = @id AND completed_at IS NULL
            RETURNING {Columns}
            """,
            new { id, succeeded }, transaction, cancellationToken: cancellationToken));
}
