namespace Marketplace.Fraud.Scoring;

/// <summary>
/// Stripe's Radar test cards (../shared/stripe-test-values.md), recognised by BIN and last four digits, which
/// identify these numbers without Payments ever sending a card number.
/// </summary>
public static class TestCards
{
    /// <summary>4100 0000 0000 0019: risk level highest, and always blocked whatever the rules say.</summary>
    public static bool IsAlwaysBlocked(string? bin, string? last4) => bin == "410000" && last4 == "0019";

    /// <summary>The level a test card forces, or null.</summary>
    public static string? ForcedRiskLevel(string? bin, string? last4) => (bin, last4) switch
    {
        ("410000", "0019") => RiskLevels.Highest,
        ("400000", "4954") => RiskLevels.Highest,
        ("400000", "9235") => RiskLevels.Elevated,
        _ => null,
    };
}
