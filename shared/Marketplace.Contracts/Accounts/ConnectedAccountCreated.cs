namespace Marketplace.Contracts.Accounts;

/// <summary>
/// Onboarding created a connected account for a platform. The gateway records which platform it belongs to, so that
/// <c>Stripe-Account</c> with its id is honoured for that platform's keys and no other's.
/// </summary>
public sealed record ConnectedAccountCreated
{
    public required string AccountId { get; init; }

    public required string PlatformId { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>The account's <c>default_currency</c>, which it settles in; null when not set yet.</summary>
    public string? DefaultCurrency { get; init; }

    /// <summary><c>settings.payouts.schedule.delay_days</c>: how long its charges stay pending; null for the platform's default.</summary>
    public int? DelayDays { get; init; }

    /// <summary>
    /// <c>controller.losses.payments</c>: <c>application</c> (the platform is liable for a negative balance, as for
    /// custom and express accounts) or <c>stripe</c>; null means <c>application</c>.
    /// </summary>
    public string? LossesPayments { get; init; }
}
