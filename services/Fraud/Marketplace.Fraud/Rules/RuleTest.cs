using Marketplace.Api.Objects;

namespace Marketplace.Fraud.Rules;

/// <summary>
/// What <c>POST /v1/radar/rules/test</c> answers (<c>radar.rule_test</c>, ours): how many of the platform's payments
/// assessed in the last 30 days the candidate rule would have matched, their total amount, and the newest of them.
/// </summary>
public sealed record RuleTest : StripeObject
{
    protected override string TypeName => "radar.rule_test";

    public required string Action { get; init; }

    public required string Predicate { get; init; }

    public required DateTimeOffset PeriodStart { get; init; }

    public required DateTimeOffset PeriodEnd { get; init; }

    /// <summary>Payments assessed in the period.</summary>
    public required int EvaluatedCount { get; init; }

    public required int MatchedCount { get; init; }

    /// <summary>The matched payments' total per currency, in minor units.</summary>
    public required IReadOnlyList<RuleTestAmount> MatchedAmounts { get; init; }

    /// <summary>The same total converted to euros with the reference rates of <c>amount_in_eur</c>.</summary>
    public required decimal MatchedAmountInEur { get; init; }

    /// <summary>The newest matched payments, up to <see cref="RuleTester.MaxListed"/>.</summary>
    public required IReadOnlyList<RuleTestMatch> MatchedPayments { get; init; }

    public required bool HasMoreMatches { get; init; }
}
