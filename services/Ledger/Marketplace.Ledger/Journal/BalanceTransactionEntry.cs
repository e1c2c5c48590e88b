using Marketplace.Data;

namespace Marketplace.Ledger.Journal;

/// <summary>
/// How a posting appears in one owner's list of balance transactions (Stripe's <c>balance_transaction</c>): the gross
/// amount, the fee taken from it and the net, the type and reporting category, and when the funds become available.
/// Its id is chosen when the posting is built, so that the posting's companion rows can name it.
/// </summary>
public sealed record BalanceTransactionEntry(
    string Owner,
    string Currency,
    long Amount,
    long Fee,
    string Type,
    string ReportingCategory,
    string? Source,
    DateTimeOffset AvailableOn,
    string? FeeType = null,
    string? Description = null)
{
    public string Id { get; init; } = PrefixedId.New("txn");

    /// <summary>The rate the amount was converted at into <see cref="Currency"/>, when it was (Stripe's <c>exchange_rate</c>).</summary>
    public decimal? ExchangeRate { get; init; }

    public long Net => Amount - Fee;
}
