namespace Marketplace.Contracts.Diagnostics;

/// <summary>
/// A probe an operator (or the end-to-end test) sends through the outbox of one service to prove that the path
/// outbox → relay → RabbitMQ → another service's inbox works. The Webhooks service records each one it receives.
/// </summary>
public sealed record BackboneProbeSent
{
    public required Guid ProbeId { get; init; }

    /// <summary>The service whose outbox sent the probe.</summary>
    public required string Origin { get; init; }

    public required DateTimeOffset SentAt { get; init; }
}
