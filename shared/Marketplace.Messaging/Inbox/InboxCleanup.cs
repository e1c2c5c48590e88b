using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Marketplace.Messaging.Inbox;

/// <summary>
/// Forgets inbox rows once a redelivery of their message is no longer possible. Seven days is far beyond any
/// retry, redelivery or outbox re-send window; a row older than that only costs space.
/// </summary>
sealed partial class InboxCleanup(NpgsqlDataSource dataSource, ILogger<InboxCleanup> logger) : BackgroundService
{
    static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var deleted = await InboxStore.DeleteOlderThanAsync(dataSource, Retention, stoppingToken);
                LogCleaned(deleted);
            }
            catch (NpgsqlException ex)
            {
                LogCleanupFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Removed {Count} expired inbox rows")]
    partial void LogCleaned(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox cleanup failed; it runs again in an hour")]
    partial void LogCleanupFailed(Exception exception);
}
