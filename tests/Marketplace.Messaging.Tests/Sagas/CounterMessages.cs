namespace Marketplace.Messaging.Tests.Sagas;

public sealed record Increment
{
    public required Guid CounterId { get; init; }
}

public sealed record CountChanged
{
    public required Guid CounterId { get; init; }

    public required int Count { get; init; }
}

public sealed record StartTimer
{
    public required Guid CounterId { get; init; }
}

public sealed record TimerElapsed
{
    public required Guid CounterId { get; init; }
}
