namespace Marketplace.Payments.Authentication;

/// <summary>
/// Stripe's <c>next_action</c> of a setup or payment intent waiting for its payer. Every action here is
/// <c>redirect_to_url</c> — 3D Secure too, which Stripe.js would run as <c>use_stripe_sdk</c>: the hosted page is the
/// platform's only authentication front end.
/// </summary>
public sealed record RedirectNextAction(RedirectToUrl RedirectToUrl)
{
    public string Type => "redirect_to_url";
}
