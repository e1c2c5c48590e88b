namespace Marketplace.Benchmarks.Backbone;

public sealed record BenchmarkMessage
{
    public required Guid Id { get; init; }

    /// <summary>When the writer began the transaction that put the message in the outbox: latency counts the commit too.</summary>
    public required DateTime WrittenAt { get; init; }

    /// <summary>Padding to a body of a few hundred bytes, the size of a typical integration event.</summary>
    public required string Payload { get; init; }
}
