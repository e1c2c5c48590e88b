using Npgsql;

namespace Marketplace.Gateway.Idempotency;

/// <summary>Removes records past their retention every ten minutes; until then a stale row is ignored anyway.</summary>
public sealed partial class IdempotencyCleanup(IdempotencyStore store, ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var deleted = await store.DeleteExpiredAsync(stoppingToken);
                LogCleaned(deleted);
            }
            catch (NpgsqlException exception)
            {
                LogCleanupFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Removed {Count} expired idempotency records")]
    partial void LogCleaned(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency cleanup failed; it runs again in ten minutes")]
    partial void LogCleanupFailed(Exception exception);
}
