using System.Text;
using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;

namespace Marketplace.Messaging.DeadLetters;

/// <summary>
/// Lets an operator look into an endpoint's <c>_error</c> queue and send its messages back to the endpoint once
/// the cause is fixed. A replayed message keeps its MessageId, so one whose effect did happen after all is a
/// duplicate the inbox discards.
/// </summary>
public sealed class DeadLetterQueues(IConfiguration configuration)
{
    const string ErrorSuffix = "_error";

    /// <summary>Up to <paramref name="limit"/> messages from the head of <paramref name="errorQueue"/>, left in place; null when there is no such queue.</summary>
    public async Task<IReadOnlyList<DeadLetter>?> PeekAsync(string errorQueue, int limit, CancellationToken cancellationToken)
    {
        RequireErrorQueue(errorQueue);
        await using var connection = await ConnectAsync(cancellationToken);
        if (!await ExistsAsync(connection, errorQueue, cancellationToken))
        {
            return null;
        }

        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);

        var letters = new List<DeadLetter>();
        while (letters.Count < limit && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } delivery)
        {
            letters.Add(Describe(delivery));
        }

        // Unacknowledged, they return to the queue when the channel closes.
        return letters;
    }

    /// <summary>
    /// Moves up to <paramref name="limit"/> messages from <paramref name="errorQueue"/> back to its endpoint's queue;
    /// returns how many, or null when there is no such queue.
    /// </summary>
    public async Task<int?> ReplayAsync(string errorQueue, int limit, CancellationToken cancellationToken)
    {
        RequireErrorQueue(errorQueue);
        var target = errorQueue[..^ErrorSuffix.Length];
        await using var connection = await ConnectAsync(cancellationToken);
        if (!await ExistsAsync(connection, errorQueue, cancellationToken))
        {
            return null;
        }

        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);

        var replayed = 0;
        while (replayed < limit && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } delivery)
        {
            // Confirmed by the broker before the dead letter is acknowledged: a crash in between duplicates, never loses.
            await channel.BasicPublishAsync("", target, mandatory: true, new BasicProperties(delivery.BasicProperties), delivery.Body, cancellationToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
            replayed++;
        }

        return replayed;
    }

    async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var uri = configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is not configured.");
        return await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync(cancellationToken);
    }

    /// <summary>A passive declare of a missing queue closes its channel, hence a channel of its own.</summary>
    static async Task<bool> ExistsAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await probe.QueueDeclarePassiveAsync(queue, cancellationToken);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return false;
        }
    }

    static void RequireErrorQueue(string queue)
    {
        if (!queue.EndsWith(ErrorSuffix, StringComparison.Ordinal) || queue.Length == ErrorSuffix.Length)
        {
            throw new ArgumentException($"'{queue}' is not an error queue (<endpoint>{ErrorSuffix}).", nameof(queue));
        }
    }

    static DeadLetter Describe(BasicGetResult delivery)
    {
        var headers = delivery.BasicProperties.Headers ?? new Dictionary<string, object?>();
        string? Header(string name) => headers.TryGetValue(name, out var value) ? Text(value) : null;

        return new DeadLetter(
            delivery.BasicProperties.MessageId,
            delivery.BasicProperties.Type ?? Header("MT-MessageType"),
            Header("MT-Fault-ExceptionType"),
            Header("MT-Fault-Message"),
            DateTimeOffset.TryParse(Header("MT-Fault-Timestamp"), System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : null,
            Encoding.UTF8.GetString(delivery.Body.Span));
    }

    static string? Text(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        null => null,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
