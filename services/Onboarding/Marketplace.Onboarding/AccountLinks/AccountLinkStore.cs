using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Marketplace.Onboarding.AccountLinks;

/// <summary>The SQL of <c>account_links</c>; tokens and sessions are looked up by their SHA-256.</summary>
internal static class AccountLinkStore
{
    const string Columns = "token_hash, account_id, type, fields, refresh_url, return_url, expires_at, session_hash, session_expires_at, completed_at";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A fresh unguessable token: 32 random bytes, URL-safe.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static Task InsertAsync(
        NpgsqlConnection connection, string token, string accountId, string type, string fields, string refreshUrl, string returnUrl,
        DateTimeOffset created, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO account_links (token_hash, account_id, type, fields, refresh_url, return_url, created, expires_at)
            VALUES (@tokenHash, @accountId, @type, @fields, @refreshUrl, @returnUrl, @created, @expiresAt)
            """,
            new { tokenHash = Hash(token), accountId, type, fields, refreshUrl, returnUrl, created, expiresAt }, cancellationToken: cancellationToken));

    public static async Task<StoredAccountLink?> FindAsync(NpgsqlConnection connection, string token, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<StoredAccountLink>(new CommandDefinition(
            $"SELECT {Columns} FROM account_links WHERE token_hash = @hash", new { hash = Hash(token) }, cancellationToken: cancellationToken));

    /// <summary>
    /// Opens the link's one session, unless it was opened already or has expired: the first visit wins, atomically,
    /// so two tabs racing on one link cannot both get a session.
    /// </summary>
    public static async Task<bool> TryOpenSessionAsync(
        NpgsqlConnection connection, string token, string session, DateTimeOffset sessionExpiresAt, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE account_links SET session_hash = @sessionHash, session_expires_at = @sessionExpiresAt
            WHERE token_hash = @tokenHash AND session_hash IS NULL AND expires_at > now()
            """,
            new { tokenHash = Hash(token), sessionHash = Hash(session), sessionExpiresAt }, cancellationToken: cancellationToken)) == 1;

    /// <summary>The link whose open session <paramref name="session"/> is, while it lasts and is not completed.</summary>
    public static async Task<StoredAccountLink?> FindBySessionAsync(NpgsqlConnection connection, string session, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<StoredAccountLink>(new CommandDefinition(
            $"SELECT {Columns} FROM account_links WHERE session_hash = @hash AND session_expires_at > now() AND completed_at IS NULL",
            new { hash = Hash(session) }, cancellationToken: cancellationToken));

    public static Task CompleteAsync(NpgsqlConnection connection, string tokenHash, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE account_links SET completed_at = now() WHERE token_hash = @tokenHash", new { tokenHash }, cancellationToken: cancellationToken));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
