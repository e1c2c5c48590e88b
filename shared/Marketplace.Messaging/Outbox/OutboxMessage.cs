namespace Marketplace.Messaging.Outbox;

/// <summary>One row of <c>outbox_messages</c>: a message, its envelope, and when it may be sent.</summary>
sealed record OutboxMessage
{
    public long SequenceNumber { get; init; }
    public required Guid MessageId { get; init; }
    public required string MessageType { get; init; }
    public string? DestinationAddress { get; init; }
    public required string Body { get; init; }
    public string Headers { get; init; } = "{}";
    public Guid? CorrelationId { get; init; }
    public Guid? ConversationId { get; init; }
    public Guid? InitiatorId { get; init; }
    public string? SourceAddress { get; init; }
    public Guid? SchedulingTokenId { get; init; }
    public DateTime? NotBefore { get; init; }
    public int Attempts { get; init; }
}
