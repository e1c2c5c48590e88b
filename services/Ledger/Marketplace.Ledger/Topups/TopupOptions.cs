namespace Marketplace.Ledger.Topups;

/// <summary>Configuration section <c>Ledger:Topups</c>.</summary>
public sealed class TopupOptions
{
    /// <summary>How long the simulated bank rail takes to settle a top-up (Stripe's test mode settles within seconds).</summary>
    public TimeSpan SettlementDelay { get; set; } = TimeSpan.FromSeconds(2);
}
