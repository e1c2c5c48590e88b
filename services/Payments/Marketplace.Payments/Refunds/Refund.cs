using System.Text.Json.Serialization;

namespace Marketplace.Payments.Refunds;

/// <summary>
/// Stripe's <c>refund</c> object. Unlike most objects it has no <c>livemode</c>, so it names its type itself rather
/// than deriving from <c>StripeObject</c>. Fields for other payment methods and for Connect reversals this platform
/// does not make (<c>transfer_reversal</c>: the Ledger reverses in proportion without a reversal object) are null.
/// </summary>
public sealed record Refund
{
    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    [JsonPropertyName("object")]
    [JsonPropertyOrder(-1)]
    public string ObjectType => "refund";

    public required long Amount { get; init; }

    /// <summary>Null until the Ledger has posted the refund.</summary>
    public string? BalanceTransaction { get; init; }

    public required string Charge { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required string Currency { get; init; }

    public string? Customer { get; init; }

    public string? CustomerAccount { get; init; }

    /// <summary>Only non-card refunds carry one.</summary>
    public string? Description { get; init; }

    public RefundDestinationDetails DestinationDetails { get; init; } = RefundDestinationDetails.ToCard;

    /// <summary>The balance transaction that gives a failed refund's money back; the Ledger has no such posting yet.</summary>
    public string? FailureBalanceTransaction { get; init; }

    public string? FailureReason { get; init; }

    public string? InstructionsEmail { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public object? NextAction { get; init; }

    public required string PaymentIntent { get; init; }

    public string? PaymentMethod { get; init; }

    public string? PendingReason { get; init; }

    public object? PresentmentDetails { get; init; }

    public string? Reason { get; init; }

    public string? ReceiptNumber { get; init; }

    public string? SourceTransferReversal { get; init; }

    /// <summary><see cref="RefundStatuses"/>: a card refund is never <c>requires_action</c>, so never <c>canceled</c> either.</summary>
    public required string Status { get; init; }

    public string? TransferReversal { get; init; }
}
