namespace Marketplace.Payments.Authentication;

/// <summary>
/// The payer completed or failed a challenge. Published through the outbox in the transaction that recorded the
/// choice, once per challenge: the payment saga correlates on <see cref="Reference"/>, setup intents on
/// <see cref="Subject"/>. Internal to Payments, so it lives here rather than in Marketplace.Contracts.
/// </summary>
public sealed record ChallengeCompleted
{
    public required string ChallengeId { get; init; }

    public required string Subject { get; init; }

    public required string Reference { get; init; }

    public required string Kind { get; init; }

    public required bool Succeeded { get; init; }
}
