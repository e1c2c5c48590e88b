namespace Marketplace.Messaging.Tests.Support;

public sealed record Ping
{
    public required Guid PingId { get; init; }
}
