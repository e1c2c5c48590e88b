using Marketplace.Ledger.Journal;

namespace Marketplace.Ledger.PostingRules;

/// <summary>Transfers, top-ups, payouts and the release of pending funds: money moving between balances, not earned.</summary>
public static class MovementRules
{
    /// <summary>
    /// A transfer from the platform's available balance (refused without the funds) to a connected account's, shown to
    /// the platform as a <c>transfer</c> and to the destination as a <c>payment</c> (<paramref name="destinationPayment"/>).
    /// </summary>
    public static Posting Transfer(
        string transferId, string destinationPayment, string platformId, string destination, long amount, string currency, string cause, DateTimeOffset at) =>
        new(cause, "transfer", transferId,
        [
            new JournalLine(LedgerAccounts.AvailableOf(platformId, currency), -amount, RequiresFunds: true),
            new JournalLine(LedgerAccounts.AvailableOf(destination, currency), amount),
        ])
        {
            BalanceTransactions =
            [
                new BalanceTransactionEntry(platformId, currency, -amount, 0, "transfer", "transfer", transferId, at),
                new BalanceTransactionEntry(destination, currency, amount, 0, "payment", "transfer", destinationPayment, at),
            ],
        };

    /// <summary>
    /// A transfer with <c>source_transaction</c> made while its charge's funds are still pending (Stripe lets it go
    /// ahead at once): the platform's pending funds move to the destination's pending balance, and become available
    /// with the charge's, at <paramref name="availableOn"/>. Not refused: the source charge's remaining amount bounds it.
    /// </summary>
    public static Posting TransferFromPending(
        string transferId, string destinationPayment, string platformId, string destination, long amount, string currency, string cause,
        DateTimeOffset availableOn) =>
        new(cause, "transfer", transferId,
        [
            new JournalLine(LedgerAccounts.PendingOf(platformId, currency), -amount),
            new JournalLine(LedgerAccounts.PendingOf(destination, currency), amount),
        ])
        {
            BalanceTransactions =
            [
                new BalanceTransactionEntry(platformId, currency, -amount, 0, "transfer", "transfer", transferId, availableOn),
                new BalanceTransactionEntry(destination, currency, amount, 0, "payment", "transfer", destinationPayment, availableOn),
            ],
        };

    /// <summary>
    /// A transfer reversal: the connected account gives back (it may go negative, as Stripe lets a reversal do), shown
    /// to the platform as a <c>transfer_refund</c> and to the connected account as the refund of the transfer's
    /// payment (<paramref name="paymentRefundId"/>).
    /// </summary>
    public static Posting TransferReversal(
        string reversalId, string paymentRefundId, string platformId, string destination, long amount, string currency, string cause, DateTimeOffset at,
        string? description = null) =>
        new(cause, "transfer_reversal", reversalId,
        [
            new JournalLine(LedgerAccounts.AvailableOf(destination, currency), -amount),
            new JournalLine(LedgerAccounts.AvailableOf(platformId, currency), amount),
        ])
        {
            BalanceTransactions =
            [
                new BalanceTransactionEntry(platformId, currency, amount, 0, "transfer_refund", "transfer_reversal", reversalId, at, Description: description),
                new BalanceTransactionEntry(destination, currency, -amount, 0, "payment_refund", "refund", paymentRefundId, at),
            ],
        };

    /// <summary>A top-up that succeeded: the platform's bank paid in; the funds land available at <paramref name="succeededAt"/>.</summary>
    public static Posting TopupSucceeded(string topupId, string platformId, long amount, string currency, string cause, DateTimeOffset succeededAt) =>
        new(cause, "topup", topupId,
        [
            new JournalLine(LedgerAccounts.BankClearing(currency), -amount),
            new JournalLine(LedgerAccounts.AvailableOf(platformId, currency), amount),
        ])
        {
            BalanceTransactions = [new BalanceTransactionEntry(platformId, currency, amount, 0, "topup", "topup", topupId, succeededAt)],
        };

    /// <summary>Pending funds whose <c>available_on</c> has come.</summary>
    public static Posting Release(string balanceTransactionId, string owner, long amount, string currency, string cause) =>
        new(cause, "release", balanceTransactionId,
        [
            new JournalLine(LedgerAccounts.PendingOf(owner, currency), -amount),
            new JournalLine(LedgerAccounts.AvailableOf(owner, currency), amount),
        ]);

    /// <summary>A payout created: its amount is set aside from available (refused without the funds) and leaves the balance.</summary>
    public static Posting PayoutReserved(string payoutId, string owner, long amount, string currency, string cause, DateTimeOffset at) =>
        new(cause, "payout", payoutId,
        [
            new JournalLine(LedgerAccounts.AvailableOf(owner, currency), -amount, RequiresFunds: true),
            new JournalLine(LedgerAccounts.PayoutInTransitOf(owner, currency), amount),
        ])
        {
            BalanceTransactions = [new BalanceTransactionEntry(owner, currency, -amount, 0, "payout", "payout", payoutId, at)],
        };

    /// <summary>The bank rail paid the payout: the money in transit leaves.</summary>
    public static Posting PayoutPaid(string payoutId, string owner, long amount, string currency, string cause) =>
        new(cause, "payout", payoutId,
        [
            new JournalLine(LedgerAccounts.PayoutInTransitOf(owner, currency), -amount),
            new JournalLine(LedgerAccounts.BankClearing(currency), amount),
        ]);

    /// <summary>The payout failed: the money in transit returns to the available balance.</summary>
    public static Posting PayoutFailed(string payoutId, string owner, long amount, string currency, string cause, DateTimeOffset at) =>
        new(cause, "payout_failure", payoutId,
        [
            new JournalLine(LedgerAccounts.PayoutInTransitOf(owner, currency), -amount),
            new JournalLine(LedgerAccounts.AvailableOf(owner, currency), amount),
        ])
        {
            BalanceTransactions = [new BalanceTransactionEntry(owner, currency, amount, 0, "payout_failure", "payout_reversal", payoutId, at)],
        };
}
