using Marketplace.Ledger.Journal;

namespace Marketplace.Ledger.Transfers;

/// <summary>The rows a transfer's or a reversal's posting writes with itself.</summary>
public static class TransferRecord
{
    /// <summary>
    /// The row for <paramref name="posting"/> (built by <c>MovementRules.Transfer</c>): its balance transaction is the
    /// platform's side of the posting, its <c>destination_payment</c> the destination's.
    /// </summary>
    public static CompanionRow Insert(
        string transferId, string platformId, Posting posting, string? description, string metadataJson, string? transferGroup, string? sourceTransaction)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var platformSide = posting.BalanceTransactions.Single(b => b.Owner == platformId);
        var destinationSide = posting.BalanceTransactions.Single(b => b.Owner != platformId);
        return new CompanionRow(
            """
            INSERT INTO transfers (id, platform_id, amount, currency, destination, destination_payment, description, metadata,
                transfer_group, source_transaction, balance_transaction)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11)
            """,
            transferId, platformId, destinationSide.Amount, destinationSide.Currency, destinationSide.Owner, destinationSide.Source, description,
            metadataJson, transferGroup, sourceTransaction, platformSide.Id);
    }

    /// <summary>
    /// The reversal's row and the transfer's new <c>amount_reversed</c>, for <paramref name="posting"/> (built by
    /// <c>MovementRules.TransferReversal</c>): its balance transaction is the platform's side, its
    /// <c>destination_payment_refund</c> the connected account's.
    /// </summary>
    public static IReadOnlyList<CompanionRow> Reverse(string reversalId, string transferId, string platformId, Posting posting, TransferReversalDetails details)
    {
        ArgumentNullException.ThrowIfNull(posting);
        ArgumentNullException.ThrowIfNull(details);
        var platformSide = posting.BalanceTransactions.Single(b => b.Owner == platformId);
        var destinationSide = posting.BalanceTransactions.Single(b => b.Owner != platformId);
        return
        [
            new CompanionRow(
                """
                INSERT INTO transfer_reversals (id, transfer_id, amount, currency, destination_payment_refund, balance_transaction, metadata, source_refund)
                VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
                """,
                reversalId, transferId, platformSide.Amount, platformSide.Currency, destinationSide.Source, platformSide.Id, details.MetadataJson,
                details.SourceRefund),
            new CompanionRow("UPDATE transfers SET amount_reversed = amount_reversed + $2 WHERE id = $1", transferId, platformSide.Amount),
        ];
    }
}
