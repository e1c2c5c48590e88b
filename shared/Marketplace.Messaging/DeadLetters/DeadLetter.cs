namespace Marketplace.Messaging.DeadLetters;

/// <summary>A message that failed every retry and redelivery, as MassTransit left it in an <c>_error</c> queue.</summary>
public sealed record DeadLetter(
    string? MessageId,
    string? MessageType,
    string? FaultExceptionType,
    string? FaultMessage,
    DateTimeOffset? FaultedAt,
    string Body);
