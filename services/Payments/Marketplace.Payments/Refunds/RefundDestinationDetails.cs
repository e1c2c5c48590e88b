namespace Marketplace.Payments.Refunds;

/// <summary>Stripe's <c>destination_details</c>: where the money goes back to, here always the card it came from.</summary>
public sealed record RefundDestinationDetails(string Type, RefundCardDestination Card)
{
    public static RefundDestinationDetails ToCard { get; } = new("card", new RefundCardDestination("refund", null, null, null));
}
