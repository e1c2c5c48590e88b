using Marketplace.Onboarding.Requirements;

namespace Marketplace.Onboarding.Accounts;

/// <summary>
/// What verification decided, stored in the account's record and changed only by the API's writes (which start a
/// verification) and the verification saga's outcomes (which end one).
/// </summary>
public sealed record AccountVerification
{
    /// <summary><c>unverified</c> (details still missing or failed), <c>pending</c>, <c>verified</c> or <c>rejected</c>.</summary>
    public string Status { get; init; } = "unverified";

    /// <summary>For a rejected account: <c>rejected.listed</c>, <c>rejected.fraud</c>, <c>rejected.terms_of_service</c>, <c>rejected.other</c>.</summary>
    public string? RejectedReason { get; init; }

    /// <summary>Fields that failed a check and are due again.</summary>
    public IReadOnlyList<RequirementError> Errors { get; init; } = [];

    /// <summary>Fields asked for once the account reached its next threshold, due by <see cref="CurrentDeadline"/>.</summary>
    public IReadOnlyList<string> ThresholdDue { get; init; } = [];

    public DateTimeOffset? CurrentDeadline { get; init; }

    /// <summary>Set when <see cref="CurrentDeadline"/> passed with <see cref="ThresholdDue"/> still missing.</summary>
    public bool PastDue { get; init; }

    /// <summary>A review blocked the account's charges (Stripe's <c>tok_visa_triggerChargeBlock</c>): its payment capabilities are inactive.</summary>
    public bool ChargesBlocked { get; init; }

    /// <summary>A review blocked the account's payouts (Stripe's <c>tok_visa_triggerPayoutBlock</c>).</summary>
    public bool PayoutsBlocked { get; init; }

    /// <summary>Once every field due was submitted, Stripe's <c>details_submitted</c> stays true.</summary>
    public bool DetailsSubmitted { get; init; }
}
