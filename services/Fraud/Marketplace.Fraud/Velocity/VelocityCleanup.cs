using Dapper;
using Npgsql;

namespace Marketplace.Fraud.Velocity;

/// <summary>Deletes velocity buckets older than the longest window (a day), every few minutes.</summary>
public sealed partial class VelocityCleanup(NpgsqlDataSource dataSource, ILogger<VelocityCleanup> logger) : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM velocity_counts WHERE bucket < now() - interval '1 day 1 minute'", cancellationToken: stoppingToken));
            }
            catch (NpgsqlException ex)
            {
                LogCleanupFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting old velocity buckets failed; the next round tries again")]
    partial void LogCleanupFailed(Exception exception);
}
