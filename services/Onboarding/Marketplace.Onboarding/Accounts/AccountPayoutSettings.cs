namespace Marketplace.Onboarding.Accounts;

/// <summary>Stripe's <c>settings.payouts</c>.</summary>
public sealed record AccountPayoutSettings
{
    public bool DebitNegativeBalances { get; init; } = true;

    public required PayoutSchedule Schedule { get; init; }

    public string? StatementDescriptor { get; init; }
}
