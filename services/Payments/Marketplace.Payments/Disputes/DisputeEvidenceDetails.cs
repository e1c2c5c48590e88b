namespace Marketplace.Payments.Disputes;

/// <summary>Stripe's <c>evidence_details</c>: when the evidence is due and what was sent.</summary>
public sealed record DisputeEvidenceDetails
{
    /// <summary>Null when there is nothing to answer: a bank debit's dispute is final.</summary>
    public required DateTimeOffset? DueBy { get; init; }

    public IReadOnlyDictionary<string, object> EnhancedEligibility { get; init; } = new Dictionary<string, object>();

    public required bool HasEvidence { get; init; }

    public required bool PastDue { get; init; }

    public required long SubmissionCount { get; init; }

    /// <summary>How the last evidence was submitted; not tracked, so null.</summary>
    public string? SubmissionMethod { get; init; }
}
