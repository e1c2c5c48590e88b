using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Marketplace.Fraud.Velocity;

/// <summary>
/// Counts a payment against its keys (card fingerprint, email, IP address) in the caller's transaction, in one round
/// trip, and answers the counts of the sliding hour and day per dimension. Exact under concurrency: a transaction-long
/// advisory lock per key, taken in one fixed order (so two payments sharing keys cannot deadlock), queues concurrent
/// payments of one key; the counting statement that follows reads with a snapshot taken after the lock, so it sees
/// every committed payment of the key, whichever minute bucket the clock put it in. Durable: the counts are rows that
/// commit with the assessment (a rolled-back assessment counts nothing).
/// </summary>
public static class VelocityCounter
{
    public static async Task<IReadOnlyDictionary<VelocityDimension, VelocityCount>> CountAsync(
        NpgsqlTransaction transaction, string platformId, IReadOnlyDictionary<VelocityDimension, string> keys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return new Dictionary<VelocityDimension, VelocityCount>();
        }

        // Two statements: under READ COMMITTED each takes its snapshot when it starts, so the second one's comes after
        // the locks. Its own bucket is left out of the sum (the bump already holds it); a later bucket is not, since a
        // payment that took the lock first may have read a clock a moment ahead.
        using var results = await transaction.Connection!.QueryMultipleAsync(new CommandDefinition(
            """
            SELECT count(pg_advisory_xact_lock(lock.key))
            FROM (SELECT hashtextextended(@platformId || ' ' || dimension || ' ' || key_hash, 0) AS key
                  FROM unnest(@dimensions, @hashes) AS key (dimension, key_hash)
                  ORDER BY 1) AS lock;

            WITH bumped AS (
                INSERT INTO velocity_counts (platform_id, dimension, key_hash, bucket, count)
                SELECT @platformId, key.dimension, key.key_hash, @bucket, 1
                FROM unnest(@dimensions, @hashes) AS key (dimension, key_hash)
                ON CONFLICT (platform_id, dimension, key_hash, bucket) DO UPDATE SET count = velocity_counts.count + 1
                RETURNING dimension, key_hash, count
            )
            SELECT bumped.dimension,
                   bumped.count + coalesce(other.hourly, 0)::integer AS hourly,
                   bumped.count + coalesce(other.daily, 0)::integer AS daily
            FROM bumped
            CROSS JOIN LATERAL (
                -- Per key, through the primary key's (platform, dimension, key, bucket) order: a join could hash
                -- every key's buckets of the day instead, a cost that grows with the platform's traffic.
                SELECT sum(count) FILTER (WHERE bucket > @now - interval '1 hour') AS hourly, sum(count) AS daily
                FROM velocity_counts
                WHERE platform_id = @platformId AND dimension = bumped.dimension AND key_hash = bumped.key_hash
                  AND bucket > @now - interval '1 day' AND bucket <> @bucket
            ) AS other
            """,
            new
            {
                platformId,
                now,
                bucket = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, now.Offset),
                dimensions = keys.Keys.Select(dimension => dimension.ToString()).ToArray(),
                hashes = keys.Values.Select(Hash).ToArray(),
            },
            transaction, cancellationToken: cancellationToken));
        await results.ReadSingleAsync<long>();
        var rows = await results.ReadAsync<(string Dimension, int Hourly, int Daily)>();
        return rows.ToDictionary(row => Enum.Parse<VelocityDimension>(row.Dimension), row => new VelocityCount(row.Hourly, row.Daily));
    }

    /// <summary>Keys compare regardless of case and surrounding spaces (emails are typed by people).</summary>
    static string Hash(string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim().ToUpperInvariant())));
}
