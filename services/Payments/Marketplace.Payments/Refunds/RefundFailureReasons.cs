namespace Marketplace.Payments.Refunds;

/// <summary>Stripe's refund <c>failure_reason</c> values this platform gives.</summary>
internal static class RefundFailureReasons
{
    /// <summary>The card network took the refund back without a reason, or the Ledger refused to post it.</summary>
    public const string Unknown = "unknown";

    /// <summary>The acquirer declined to send the refund to the card.</summary>
    public const string Declined = "declined";
}
