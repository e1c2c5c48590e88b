using System.Text.Json.Serialization;

namespace Marketplace.Onboarding.Accounts;

/// <summary>
/// Stripe's <c>settings.payouts.schedule</c>. The anchors appear only with the interval they belong to, as Stripe
/// writes them (Stripe.net reads <c>monthly_anchor</c> as a plain number, so a null would not parse).
/// </summary>
public sealed record PayoutSchedule
{
    /// <summary>Days between a charge and its funds becoming available for payout.</summary>
    public int DelayDays { get; init; } = 2;

    /// <summary><c>manual</c>, <c>daily</c>, <c>weekly</c> or <c>monthly</c>.</summary>
    public string Interval { get; init; } = "daily";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MonthlyAnchor { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WeeklyAnchor { get; init; }
}
