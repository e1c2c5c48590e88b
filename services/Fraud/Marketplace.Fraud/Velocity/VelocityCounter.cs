using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Marketplace.Fraud.Velocity;

/// <summary>
/// Counts a payment against a key (a card fingerprint, an email, an IP address) in the caller's transaction, and
/// answers the counts of the sliding hour and day. Exact under concurrency: the current minute's row is updated in
/// place, so concurrent payments of one key queue on its lock and each reads the count its own increment made; and
/// durable, since the counts are rows that commit with the assessment (a rolled-back assessment counts nothing).
/// </summary>
public static class VelocityCounter
{
    public static async Task<VelocityCount> CountAsync(
        NpgsqlTransaction transaction, string platformId, VelocityDimension dimension, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(key);
        var counts = await transaction.Connection!.QuerySingleAsync<(int Hourly, int Daily)>(new CommandDefinition(
            """
            WITH bumped AS (
                INSERT INTO velocity_counts (platform_id, dimension, key_hash, bucket, count)
                VALUES (@platformId, @dimension, @key, date_trunc('minute', @now), 1)
                ON CONFLICT (platform_id, dimension, key_hash, bucket) DO UPDATE SET count = velocity_counts.count + 1
                RETURNING count
            )
            SELECT (SELECT count FROM bumped) + coalesce(sum(count) FILTER (WHERE bucket > @now - interval '1 hour'), 0)::integer AS hourly,
                   (SELECT count FROM bumped) + coalesce(sum(count), 0)::integer AS daily
            FROM velocity_counts
            WHERE platform_id = @platformId AND dimension = @dimension AND key_hash = @key
              AND bucket > @now - interval '1 day' AND bucket < date_trunc('minute', @now)
            """,
            new { platformId, dimension = dimension.ToString(), key = Hash(key), now }, transaction, cancellationToken: cancellationToken));
        return new VelocityCount(counts.Hourly, counts.Daily);
    }

    /// <summary>Keys compare regardless of case and surrounding spaces (emails are typed by people).</summary>
    static string Hash(string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim().ToUpperInvariant())));
}
