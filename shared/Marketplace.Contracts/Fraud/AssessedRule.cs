namespace Marketplace.Contracts.Fraud;

/// <summary>The rule that decided an assessment, as Stripe's <c>outcome.rule</c> shows it when expanded.</summary>
public sealed record AssessedRule
{
    public required string Id { get; init; }

    /// <summary><c>request_3ds</c>, <c>allow</c>, <c>block</c> or <c>review</c>.</summary>
    public required string Action { get; init; }

    public required string Predicate { get; init; }
}
