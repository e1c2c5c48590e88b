using MassTransit;
using Npgsql;

namespace Marketplace.Messaging.Outbox;

/// <summary>
/// Writes outgoing messages into <c>outbox_messages</c> inside a business transaction: they are sent if and only if
/// that transaction commits. Inside a consumer or saga there is no need for these: <c>context.Publish</c>,
/// <c>Send</c> and <c>Schedule</c> land in the same table through the consume transaction.
/// After the commit, <see cref="OutboxRelaySignal.Notify"/> sends the messages at once instead of at the relay's next poll.
/// </summary>
public static class OutboxTransactionExtensions
{
    public static Task PublishAsync<T>(this NpgsqlTransaction transaction, T message, CancellationToken cancellationToken = default)
        where T : class =>
        OutboxStore.InsertAsync(transaction, OutboxEnvelope.Create(message, null, null, null), cancellationToken);

    public static Task SendAsync<T>(this NpgsqlTransaction transaction, Uri destinationAddress, T message, CancellationToken cancellationToken = default)
        where T : class =>
        OutboxStore.InsertAsync(transaction, OutboxEnvelope.Create(message, destinationAddress, null, null), cancellationToken);

    /// <summary>Sends a request whose answer goes to <paramref name="responseAddress"/> (MassTransit's <c>RespondAsync</c>).</summary>
    public static Task SendRequestAsync<T>(
        this NpgsqlTransaction transaction, Uri destinationAddress, T message, Uri responseAddress, CancellationToken cancellationToken = default)
        where T : class =>
        OutboxStore.InsertAsync(transaction, OutboxEnvelope.Create(message, destinationAddress, null, null, responseAddress), cancellationToken);

    /// <summary>Publishes <paramref name="message"/> at <paramref name="deliverAt"/>; returns the token that cancels it.</summary>
    public static async Task<Guid> SchedulePublishAsync<T>(
        this NpgsqlTransaction transaction, T message, DateTimeOffset deliverAt, CancellationToken cancellationToken = default)
        where T : class
    {
        var tokenId = NewId.NextGuid();
        await OutboxStore.InsertAsync(transaction, OutboxEnvelope.Create(message, null, deliverAt, tokenId), cancellationToken);
        return tokenId;
    }

    /// <summary>Sends <paramref name="message"/> to a queue at <paramref name="deliverAt"/>; returns the token that cancels it.</summary>
    public static async Task<Guid> ScheduleSendAsync<T>(
        this NpgsqlTransaction transaction, Uri destinationAddress, T message, DateTimeOffset deliverAt, CancellationToken cancellationToken = default)
        where T : class
    {
        var tokenId = NewId.NextGuid();
        await OutboxStore.InsertAsync(transaction, OutboxEnvelope.Create(message, destinationAddress, deliverAt, tokenId), cancellationToken);
        return tokenId;
    }

    /// <summary>Removes a scheduled message that has not been sent yet; false when it was already sent or never existed.</summary>
    public static async Task<bool> CancelScheduledAsync(this NpgsqlTransaction transaction, Guid tokenId, CancellationToken cancellationToken = default) =>
        await OutboxStore.DeleteScheduledAsync(transaction, tokenId, cancellationToken) > 0;
}
