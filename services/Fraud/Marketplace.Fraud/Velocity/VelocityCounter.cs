using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Marketplace.Fraud.Velocity;

/// <summary>
/// Counts a payment against its keys (card fingerprint, email, IP address) in the caller's transaction, in one
/// statement, and answers the counts of the sliding hour and day per dimension. Exact under concurrency: the current
/// minute's row of each key is updated in place, so concurrent payments of one key queue on its lock and each reads
/// the count its own increment made; rows are locked in the fixed order of <see cref="VelocityDimension"/>, so two
/// payments sharing keys cannot deadlock. Durable: the counts are rows that commit with the assessment (a
/// rolled-back assessment counts nothing).
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

        var ordered = keys.OrderBy(pair => pair.Key).ToArray();
        var rows = await transaction.Connection!.QueryAsync<(string Dimension, int Hourly, int Daily)>(new CommandDefinition(
            """
            WITH bumped AS (
                INSERT INTO velocity_counts (platform_id, dimension, key_hash, bucket, count)
                SELECT @platformId, key.dimension, key.key_hash, date_trunc('minute', @now), 1
                FROM unnest(@dimensions, @hashes) WITH ORDINALITY AS key (dimension, key_hash, position)
                ORDER BY key.position
                ON CONFLICT (platform_id, dimension, key_hash, bucket) DO UPDATE SET count = velocity_counts.count + 1
                RETURNING dimension, key_hash, count
            )
            SELECT bumped.dimension,
                   bumped.count + coalesce(sum(earlier.count) FILTER (WHERE earlier.bucket > @now - interval '1 hour'), 0)::integer AS hourly,
                   bumped.count + coalesce(sum(earlier.count), 0)::integer AS daily
            FROM bumped
            LEFT JOIN velocity_counts earlier
              ON earlier.platform_id = @platformId AND earlier.dimension = bumped.dimension AND earlier.key_hash = bumped.key_hash
             AND earlier.bucket > @now - interval '1 day' AND earlier.bucket < date_trunc('minute', @now)
            GROUP BY bumped.dimension, bumped.count
            """,
            new
            {
                platformId,
                now,
                dimensions = ordered.Select(pair => pair.Key.ToString()).ToArray(),
                hashes = ordered.Select(pair => Hash(pair.Value)).ToArray(),
            },
            transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(row => Enum.Parse<VelocityDimension>(row.Dimension), row => new VelocityCount(row.Hourly, row.Daily));
    }

    /// <summary>Keys compare regardless of case and surrounding spaces (emails are typed by people).</summary>
    static string Hash(string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim().ToUpperInvariant())));
}
