namespace Marketplace.Messaging.Tests.Support;

public sealed record ThingHappened
{
    public required Guid ThingId { get; init; }
}
