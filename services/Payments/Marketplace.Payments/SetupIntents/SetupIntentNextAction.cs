namespace Marketplace.Payments.SetupIntents;

/// <summary>
/// Stripe's <c>next_action</c>. Every action here is <c>redirect_to_url</c> — 3D Secure too, which Stripe.js would run
/// as <c>use_stripe_sdk</c>: the hosted page is the platform's only authentication front end.
/// </summary>
public sealed record SetupIntentNextAction(SetupIntentRedirectToUrl RedirectToUrl)
{
    public string Type => "redirect_to_url";
}
