namespace Marketplace.Payments.Authentication;

/// <summary>What a challenge authenticates: a card's 3D Secure, or the bank (or wallet) page of a redirect method.</summary>
public static class ChallengeKinds
{
    public const string ThreeDSecure = "three_d_secure";
    public const string Ideal = "ideal";
    public const string Bancontact = "bancontact";
    public const string Paypal = "paypal";

    public static bool IsKnown(string kind) => kind is ThreeDSecure or Ideal or Bancontact or Paypal;

    /// <summary>A payment method type whose payer approves on a bank's (or PayPal's) page.</summary>
    public static bool IsRedirect(string paymentMethodType) => paymentMethodType is Ideal or Bancontact or Paypal;
}
