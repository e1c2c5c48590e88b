namespace Marketplace.Contracts.Accounts;

/// <summary>
/// Onboarding changed one of the fields other services decide on: whether the account may charge or be paid out,
/// its capabilities' statuses, its default currency, its payout schedule or its default bank account. Payments and
/// Payouts keep a read model of it, so that a payment to a disabled account is refused without asking Onboarding.
/// Carries the whole current state (not a delta), so that a consumer keeps the one with the latest
/// <see cref="Updated"/>; it never carries a bank account's number.
/// </summary>
public sealed record ConnectedAccountUpdated
{
    public required string AccountId { get; init; }

    public required string PlatformId { get; init; }

    public required bool ChargesEnabled { get; init; }

    public required bool PayoutsEnabled { get; init; }

    /// <summary>Each requested capability (<c>card_payments</c>, <c>transfers</c>…) and its status: <c>active</c>, <c>pending</c> or <c>inactive</c>.</summary>
    public required IReadOnlyDictionary<string, string> Capabilities { get; init; }

    /// <summary>Lowercase ISO currency.</summary>
    public required string DefaultCurrency { get; init; }

    /// <summary><c>manual</c>, <c>daily</c>, <c>weekly</c> or <c>monthly</c>.</summary>
    public required string PayoutInterval { get; init; }

    public required int PayoutDelayDays { get; init; }

    /// <summary>For a weekly schedule: <c>monday</c>…<c>sunday</c>.</summary>
    public string? PayoutWeeklyAnchor { get; init; }

    /// <summary>For a monthly schedule: the day of the month, 1–31.</summary>
    public int? PayoutMonthlyAnchor { get; init; }

    /// <summary>The <c>ba_…</c> id of the external account paid out in <see cref="DefaultCurrency"/>, if any.</summary>
    public string? DefaultExternalAccountId { get; init; }

    /// <summary>When the change was made; a consumer ignores a message older than what it holds.</summary>
    public required DateTimeOffset Updated { get; init; }
}
