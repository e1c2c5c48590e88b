namespace Marketplace.Api;

/// <summary>
/// The one Stripe API version this platform speaks, the one Stripe.net 53.1.0 pins: objects and events are rendered
/// in it, and the SDK refuses webhook events outside its <c>.endive</c> train.
/// </summary>
public static class StripeApiVersion
{
    public const string Current = "2026-10-28.endive";
}
