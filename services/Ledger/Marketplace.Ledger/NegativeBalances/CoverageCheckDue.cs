namespace Marketplace.Ledger.NegativeBalances;

/// <summary>
/// An owner's pending and available balances in a currency were below zero together before a journal batch, or are
/// after it: what the owner owes may have changed, and with it its platform's <c>connect_reserved</c>. Published by the
/// journal writer with the batch's commit; internal to the Ledger.
/// </summary>
public sealed record CoverageCheckDue
{
    public required string AccountId { get; init; }

    public required string Currency { get; init; }

    /// <summary>The last journal transaction of the batch that moved the owner's funds: with the owner, the adjustment's cause.</summary>
    public required string JournalTransactionId { get; init; }
}
