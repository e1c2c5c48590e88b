using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Messaging.Outbox;

/// <summary>
/// Sends committed outbox rows to RabbitMQ and deletes them. A row is deleted only after the broker confirmed it
/// (MassTransit's publisher confirms), in the same transaction that locked it; a crash between the two sends the
/// row again with the same MessageId, which the consumers' inboxes discard. Delivery is at least once.
/// </summary>
public sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    IBus bus,
    OutboxRelaySignal signal,
    IOptions<OutboxRelayOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    readonly OutboxRelayOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RelayUntilStoppedAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRelayFailed(ex);
                await Task.Delay(_options.IdlePollInterval, stoppingToken);
            }
        }
    }

    async Task RelayUntilStoppedAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await RelayBatchAsync(stoppingToken) == 0)
            {
                await signal.WaitAsync(_options.IdlePollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Claims, sends and deletes one batch of due rows; returns how many rows it claimed.</summary>
    public async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var rows = await OutboxStore.ClaimDueAsync(transaction, _options.BatchSize, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        var outcomes = await Task.WhenAll(rows.Select(row => TrySendAsync(row, cancellationToken)));

        var sent = rows.Where((_, i) => outcomes[i] is null).Select(r => r.SequenceNumber).ToArray();
        await OutboxStore.DeleteAsync(transaction, sent, cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            if (outcomes[i] is { } error)
            {
                await OutboxStore.DeferAsync(transaction, rows[i].SequenceNumber, _options.RetryDelay, error.Message, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    async Task<Exception?> TrySendAsync(OutboxMessage row, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_options.SendTimeout);
        var cancellationToken = timeout.Token;
        try
        {
            var message = OutboxEnvelope.ReadMessage(row, out var messageType);
            if (row.DestinationAddress is null)
            {
                await bus.Publish(message, messageType, Pipe.Execute<PublishContext>(c => OutboxEnvelope.Restore(row, c)), cancellationToken);
            }
            else
            {
                var endpoint = await bus.GetSendEndpoint(new Uri(row.DestinationAddress));
                await endpoint.Send(message, messageType, Pipe.Execute<SendContext>(c => OutboxEnvelope.Restore(row, c)), cancellationToken);
            }

            return null;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogSendFailed(ex, row.MessageId, row.MessageType, row.Attempts + 1);
            return ex;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox relay failed; it restarts after a pause")]
    partial void LogRelayFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({MessageType}) failed to send, attempt {Attempt}")]
    partial void LogSendFailed(Exception exception, Guid messageId, string messageType, int attempt);
}
