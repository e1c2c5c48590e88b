using Marketplace.Api.Errors;

namespace Marketplace.Payments.Refunds;

/// <summary>The refund a create made (or had made, for a retried request), or why it made none.</summary>
internal sealed record RefundCreation(RefundRow? Refund, StripeError? Error)
{
    public static implicit operator RefundCreation(RefundRow refund) => new(refund, null);

    public static implicit operator RefundCreation(StripeError error) => new(null, error);
}
