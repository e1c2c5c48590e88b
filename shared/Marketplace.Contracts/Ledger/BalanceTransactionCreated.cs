namespace Marketplace.Contracts.Ledger;

/// <summary>
/// The Ledger wrote a balance transaction: a movement of an account's balance, as Stripe shows it. Published in the
/// journal's own commit, so it exists if and only if the movement does.
/// </summary>
public sealed record BalanceTransactionCreated
{
    public required string BalanceTransactionId { get; init; }

    /// <summary>The platform or connected account whose balance moved.</summary>
    public required string AccountId { get; init; }

    public required string Currency { get; init; }

    public required long Amount { get; init; }

    public required long Fee { get; init; }

    public required long Net { get; init; }

    /// <summary>Stripe's <c>type</c>: <c>charge</c>, <c>payment</c>, <c>transfer</c>, <c>refund</c>, <c>payout</c>…</summary>
    public required string Type { get; init; }

    public required string ReportingCategory { get; init; }

    /// <summary>The object that moved the money (<c>ch_…</c>, <c>tr_…</c>, <c>po_…</c>).</summary>
    public string? Source { get; init; }

    public decimal? ExchangeRate { get; init; }

    public required DateTimeOffset AvailableOn { get; init; }
}
