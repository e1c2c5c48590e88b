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
        while (await NextTickAsync(timer, stoppingToken))
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM velocity_counts WHERE bucket < now() - interval '1 day 1 minute'", cancellationToken: stoppingToken));
            }
            catch (NpgsqlException ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogCleanupFailed(ex);
            }
        }
    }

    /// <summary>False once the service stops: stopping is not a failure of the service.</summary>
    static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting old velocity buckets failed; the next round tries again")]
    partial void LogCleanupFailed(Exception exception);
}
