using Marketplace.Api.Documentation;

namespace Marketplace.Payments.Disputes;

/// <summary>The dispute endpoints' parameters as the API reference lists them.</summary>
public static class DisputeParameters
{
    public static readonly FormParameter[] Update =
    [
        new("evidence", "Evidence fields by Stripe's names (uncategorized_text, customer_name, shipping_tracking_number…); an empty value removes one. "
            + "In test mode uncategorized_text=winning_evidence wins once submitted, losing_evidence loses."),
        new("submit", "true to submit the evidence now; the dispute then goes under review (or is decided, in test mode)."),
        new("metadata", "Up to 50 keys of 40 characters with values of 500; an empty value deletes a key."),
    ];

    public static readonly FormParameter[] List =
    [
        new("charge", "Only the dispute of this charge."),
        new("payment_intent", "Only the disputes of this payment intent."),
        new("created", "A Unix time, or created[gt|gte|lt|lte]."),
        new("limit", "1 to 100, default 10."),
        new("starting_after", "A dispute id: the page after it."),
        new("ending_before", "A dispute id: the page before it."),
    ];
}
