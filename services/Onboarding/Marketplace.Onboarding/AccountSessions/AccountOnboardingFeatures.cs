namespace Marketplace.Onboarding.AccountSessions;

/// <summary>
/// Stripe's <c>components[account_onboarding][features]</c>. <c>external_account_collection</c> (default true): the
/// form asks for the payout bank account; false leaves it to the platform. <c>disable_stripe_user_authentication</c>
/// is accepted and shown: there is no separate user login here to disable.
/// </summary>
public sealed record AccountOnboardingFeatures(bool DisableStripeUserAuthentication, bool ExternalAccountCollection);
