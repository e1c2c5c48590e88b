using System.Text.Json.Serialization;
using Marketplace.Api.Objects;

namespace Marketplace.Payments.Disputes;

/// <summary>Stripe's <c>dispute</c> object.</summary>
public sealed record Dispute : StripeObject
{
    protected override string TypeName => "dispute";

    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    public required long Amount { get; init; }

    /// <summary>The withdrawal and, for a won dispute, the reinstatement, once the Ledger has journaled them.</summary>
    public required IReadOnlyList<DisputeBalanceTransaction> BalanceTransactions { get; init; }

    public required string Charge { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required string Currency { get; init; }

    public IReadOnlyList<string> EnhancedEligibilityTypes { get; init; } = [];

    /// <summary>Every evidence field by its Stripe name, null when not given.</summary>
    public required IReadOnlyDictionary<string, object?> Evidence { get; init; }

    public required DisputeEvidenceDetails EvidenceDetails { get; init; }

    public string? IntendedSubmissionMethod { get; init; }

    /// <summary>An inquiry leaves the charge refundable; a chargeback does not.</summary>
    public required bool IsChargeRefundable { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public string? NetworkReasonCode { get; init; }

    public required string PaymentIntent { get; init; }

    /// <summary>Null for a bank debit's dispute, which Stripe's details do not describe.</summary>
    public required DisputePaymentMethodDetails? PaymentMethodDetails { get; init; }

    /// <summary>Stripe's reason: <c>fraudulent</c>, <c>product_not_received</c>, <c>general</c>…</summary>
    public required string Reason { get; init; }

    /// <summary>One of <see cref="DisputeStatuses"/>.</summary>
    public required string Status { get; init; }
}
