using Npgsql;

namespace Marketplace.Payments.Disputes;

/// <summary>
/// Where a dispute goes when its evidence is submitted or it is closed, and what the Ledger must do about it. In test
/// mode Stripe decides a submitted dispute by its <c>uncategorized_text</c>: <c>winning_evidence</c> wins (an inquiry
/// closes), <c>losing_evidence</c> loses; other evidence stays under review, as no network will ever answer it here.
/// </summary>
internal static class DisputeOutcomes
{
    public static DisputeRow Submitted(DisputeRow dispute)
    {
        var status = dispute.ReadEvidence().GetValueOrDefault("uncategorized_text") switch
        {
            DisputeEvidenceFields.WinningEvidence => dispute.Inquiry ? DisputeStatuses.WarningClosed : DisputeStatuses.Won,
            DisputeEvidenceFields.LosingEvidence => DisputeStatuses.Lost,
            _ => dispute.Inquiry ? DisputeStatuses.WarningUnderReview : DisputeStatuses.UnderReview,
        };
        return dispute with { Status = status, SubmissionCount = dispute.SubmissionCount + 1 };
    }

    /// <summary>Closing accepts the dispute: a chargeback is lost (its money stays withdrawn), an inquiry simply closes.</summary>
    public static DisputeRow Closed(DisputeRow dispute) =>
        dispute with { Status = dispute.Inquiry ? DisputeStatuses.WarningClosed : DisputeStatuses.Lost };

    /// <summary>
    /// The money of a change from <paramref name="before"/> to <paramref name="after"/>: a won chargeback's funds come
    /// back; a lost inquiry's are taken now, as a chargeback's were when it opened.
    /// </summary>
    public static async Task MoveFundsAsync(NpgsqlTransaction transaction, DisputeRow before, DisputeRow after, CancellationToken cancellationToken)
    {
        if (after.Status == DisputeStatuses.Won && before.Status != DisputeStatuses.Won)
        {
            await DisputeLedger.ReinstateAsync(transaction, after, cancellationToken);
        }
        else if (after.Inquiry && after.Status == DisputeStatuses.Lost && before.Status != DisputeStatuses.Lost)
        {
            await DisputeLedger.WithdrawAsync(transaction, after, cancellationToken);
        }
    }
}
