using Marketplace.Api.Documentation;

namespace Marketplace.Payments.Refunds;

/// <summary>The refund endpoints' parameters as the API reference lists them.</summary>
public static class RefundParameters
{
    static readonly FormParameter Metadata = new("metadata", "Up to 50 keys of 40 characters with values of 500; an empty value deletes a key.");

    static readonly FormParameter[] Writable =
    [
        new("amount", "In the smallest currency unit, at most what remains unrefunded of the charge; all that remains when left out."),
        new("reason", "duplicate, fraudulent or requested_by_customer."),
        new("reverse_transfer", "For a destination charge: take the transfer back from the connected account, in proportion to the amount refunded."),
        new("refund_application_fee", "Give the application fee back to the connected account, in proportion to the amount refunded."),
        Metadata,
    ];

    public static readonly FormParameter[] Create =
    [
        new("charge", "The charge to refund; or payment_intent."),
        new("payment_intent", "The payment intent whose latest charge to refund; or charge."),
        .. Writable,
    ];

    public static readonly FormParameter[] CreateForCharge = Writable;

    public static readonly FormParameter[] Update = [Metadata];

    static readonly FormParameter[] Paging =
    [
        new("limit", "1 to 100, default 10."),
        new("starting_after", "A refund id: the page after it."),
        new("ending_before", "A refund id: the page before it."),
    ];

    public static readonly FormParameter[] List =
    [
        new("charge", "Only the refunds of this charge."),
        new("payment_intent", "Only the refunds of this payment intent."),
        new("created", "A Unix time, or created[gt|gte|lt|lte]."),
        .. Paging,
    ];

    public static readonly FormParameter[] ListForCharge = Paging;
}
