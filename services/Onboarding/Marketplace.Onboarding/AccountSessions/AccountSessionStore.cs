using Dapper;
using Marketplace.Onboarding.AccountLinks;
using Npgsql;

namespace Marketplace.Onboarding.AccountSessions;

/// <summary>The SQL of <c>account_sessions</c>; a session is found by its client secret's SHA-256, and only until it expires.</summary>
internal static class AccountSessionStore
{
    public static Task InsertAsync(
        NpgsqlConnection connection, string clientSecret, string accountId, string platformId, AccountOnboardingComponent onboarding,
        DateTimeOffset created, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO account_sessions (secret_hash, account_id, platform_id, onboarding_enabled, external_account_collection, created, expires_at)
            VALUES (@secretHash, @accountId, @platformId, @enabled, @externalAccountCollection, @created, @expiresAt)
            """,
            new
            {
                secretHash = AccountLinkStore.Hash(clientSecret), accountId, platformId, enabled = onboarding.Enabled,
                externalAccountCollection = onboarding.Features.ExternalAccountCollection, created, expiresAt,
            },
            cancellationToken: cancellationToken));

    public static async Task<StoredAccountSession?> FindLiveAsync(NpgsqlConnection connection, string clientSecret, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<StoredAccountSession>(new CommandDefinition(
            """
            SELECT account_id, onboarding_enabled, external_account_collection FROM account_sessions
            WHERE secret_hash = @secretHash AND expires_at > now()
            """,
            new { secretHash = AccountLinkStore.Hash(clientSecret) }, cancellationToken: cancellationToken));
}
