namespace Marketplace.Ledger.Funds;

/// <summary>Configuration section <c>Ledger:Funds</c>.</summary>
public sealed class FundsOptions
{
    /// <summary>How long a captured charge's funds stay pending before they become available (Stripe's standard: two days).</summary>
    public TimeSpan AvailabilityDelay { get; set; } = TimeSpan.FromDays(2);
}
