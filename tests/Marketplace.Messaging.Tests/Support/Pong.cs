namespace Marketplace.Messaging.Tests.Support;

public sealed record Pong
{
    public required Guid PingId { get; init; }
}
