namespace Marketplace.Onboarding.Accounts;

/// <summary>Stripe's <c>settings</c>; only the payout settings are kept here yet.</summary>
public sealed record AccountSettings(AccountPayoutSettings Payouts);
