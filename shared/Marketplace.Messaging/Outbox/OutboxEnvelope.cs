using System.Text.Json;
using MassTransit;

namespace Marketplace.Messaging.Outbox;

/// <summary>Translates between MassTransit's send context and an outbox row, in both directions.</summary>
static class OutboxEnvelope
{
    // Envelope fields that are not headers, kept among the stored headers under names of our own: a response sent
    // through the outbox must carry its request's id, or the requester never matches it; a request sent through the
    // outbox must carry where to answer.
    const string RequestIdKey = "Marketplace-Outbox-RequestId";
    const string ResponseAddressKey = "Marketplace-Outbox-ResponseAddress";
    const string FaultAddressKey = "Marketplace-Outbox-FaultAddress";

    public static OutboxMessage Capture<T>(SendContext<T> context)
        where T : class
    {
        var headers = context.Headers.GetAll()
            .Where(h => h.Value is not null)
            .ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);
        if (context.RequestId is { } requestId)
        {
            headers[RequestIdKey] = requestId.ToString("D");
        }

        if (context.ResponseAddress is { } responseAddress)
        {
            headers[ResponseAddressKey] = responseAddress.ToString();
        }

        if (context.FaultAddress is { } faultAddress)
        {
            headers[FaultAddressKey] = faultAddress.ToString();
        }

        return new OutboxMessage
        {
            MessageId = context.MessageId ?? NewId.NextGuid(),
            MessageType = MessageTypeNames.NameOf(typeof(T)),
            DestinationAddress = context.DestinationAddress?.ToString(),
            Body = JsonSerializer.Serialize(context.Message, OutboxSerializer.Options),
            Headers = JsonSerializer.Serialize(headers, OutboxSerializer.Options),
            CorrelationId = context.CorrelationId,
            ConversationId = context.ConversationId,
            InitiatorId = context.InitiatorId,
            SourceAddress = context.SourceAddress?.ToString(),
            SchedulingTokenId = context.ScheduledMessageId,
            // A delay would need RabbitMQ's delayed-exchange plugin; the relay honours it instead.
            NotBefore = context.Delay is { } delay && delay > TimeSpan.Zero ? DateTime.UtcNow + delay : null,
        };
    }

    public static OutboxMessage Create<T>(
        T message, Uri? destinationAddress, DateTimeOffset? notBefore, Guid? schedulingTokenId, Uri? responseAddress = null)
        where T : class
    {
        var headers = new Dictionary<string, object>(StringComparer.Ordinal);
        if (schedulingTokenId is { } token)
        {
            headers[MessageHeaders.SchedulingTokenId] = token.ToString("D");
        }

        if (responseAddress is not null)
        {
            headers[ResponseAddressKey] = responseAddress.ToString();
        }

        return new OutboxMessage
        {
            MessageId = NewId.NextGuid(),
            MessageType = MessageTypeNames.NameOf(typeof(T)),
            DestinationAddress = destinationAddress?.ToString(),
            Body = JsonSerializer.Serialize(message, OutboxSerializer.Options),
            Headers = JsonSerializer.Serialize(headers, OutboxSerializer.Options),
            SchedulingTokenId = schedulingTokenId,
            NotBefore = notBefore?.UtcDateTime,
        };
    }

    public static object ReadMessage(OutboxMessage row, out Type messageType)
    {
        messageType = MessageTypeNames.Resolve(row.MessageType);
        return JsonSerializer.Deserialize(row.Body, messageType, OutboxSerializer.Options)
            ?? throw new InvalidOperationException($"Outbox message {row.MessageId} has an empty body.");
    }

    /// <summary>Restores the stored envelope; the message id stays the row's, so consumers' inboxes see a re-sent row as a duplicate.</summary>
    public static void Restore(OutboxMessage row, SendContext context)
    {
        context.MessageId = row.MessageId;
        context.CorrelationId = row.CorrelationId;
        context.ConversationId = row.ConversationId;
        context.InitiatorId = row.InitiatorId;
        if (row.SourceAddress is not null)
        {
            context.SourceAddress = new Uri(row.SourceAddress);
        }

        using var headers = JsonDocument.Parse(row.Headers);
        foreach (var header in headers.RootElement.EnumerateObject())
        {
            switch (header.Name)
            {
                case RequestIdKey:
                    context.RequestId = Guid.Parse(header.Value.GetString()!);
                    break;
                case ResponseAddressKey:
                    context.ResponseAddress = new Uri(header.Value.GetString()!);
                    break;
                case FaultAddressKey:
                    context.FaultAddress = new Uri(header.Value.GetString()!);
                    break;
                default:
                    context.Headers.Set(header.Name, HeaderValue(header.Value));
                    break;
            }
        }
    }

    static object? HeaderValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt64(out var integer) => integer,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
