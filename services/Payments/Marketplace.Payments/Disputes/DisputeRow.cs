using System.Text.Json;
using Marketplace.Api.Objects;

namespace Marketplace.Payments.Disputes;

/// <summary>A <c>disputes</c> row as Dapper reads it (jsonb columns as their text), and how it renders.</summary>
public sealed record DisputeRow
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string PlatformId { get; init; }
    public required string ChargeId { get; init; }
    public required string PaymentIntentId { get; init; }
    public DateTime Created { get; init; }
    public long Amount { get; init; }
    public required string Currency { get; init; }
    public required string Reason { get; init; }
    public required string Status { get; init; }
    public bool Inquiry { get; init; }

    /// <summary><c>card</c>, or <c>sepa_debit</c> for a bank debit the payer's bank took back.</summary>
    public string PaymentMethodType { get; init; } = "card";

    public string? CardBrand { get; init; }
    public required string Evidence { get; init; }
    public DateTime EvidenceDueBy { get; init; }
    public int SubmissionCount { get; init; }
    public string? WithdrawalBalanceTransactionId { get; init; }
    public string? ReinstatementBalanceTransactionId { get; init; }
    public required string Metadata { get; init; }

    /// <summary>Whether money left the balance for this dispute: a chargeback, or an inquiry that was lost.</summary>
    public bool WithdrawsFunds => !Inquiry || Status == DisputeStatuses.Lost;

    /// <summary>
    /// Only card disputes have an evidence window and details of their own: Stripe's <c>payment_method_details</c>
    /// knows no bank debit, whose dispute is final when the bank reports it.
    /// </summary>
    bool IsCard => PaymentMethodType == "card";

    public IReadOnlyDictionary<string, string> ReadEvidence() => Read<Dictionary<string, string>>(Evidence);

    public Dispute ToDispute()
    {
        var evidence = ReadEvidence();
        var dueBy = Utc(EvidenceDueBy);
        return new Dispute
        {
            Id = Id,
            Amount = Amount,
            BalanceTransactions = BalanceTransactions(),
            Charge = ChargeId,
            Created = Utc(Created),
            Currency = Currency,
            Evidence = RenderEvidence(evidence),
            EvidenceDetails = new DisputeEvidenceDetails
            {
                DueBy = IsCard ? dueBy : null,
                HasEvidence = evidence.Count > 0,
                PastDue = DisputeStatuses.AwaitsResponse(Status) && dueBy < DateTimeOffset.UtcNow,
                SubmissionCount = SubmissionCount,
            },
            IsChargeRefundable = !WithdrawsFunds,
            Metadata = Read<Dictionary<string, string>>(Metadata),
            PaymentIntent = PaymentIntentId,
            PaymentMethodDetails = IsCard
                ? new DisputePaymentMethodDetails(new DisputeCardDetails(CardBrand, Inquiry ? "inquiry" : "chargeback", CardBrand, null))
                : null,
            Reason = Reason,
            Status = Status,
        };
    }

    /// <summary>
    /// Every field Stripe shows, null when not given; <c>appeal</c> and <c>enhanced_evidence</c> (Visa Compelling
    /// Evidence 3.0) are programs this platform does not take part in, so they stay null and empty.
    /// </summary>
    static Dictionary<string, object?> RenderEvidence(IReadOnlyDictionary<string, string> evidence)
    {
        var rendered = DisputeEvidenceFields.All.ToDictionary(field => field, object? (field) => evidence.GetValueOrDefault(field), StringComparer.Ordinal);
        rendered["appeal"] = null;
        rendered["enhanced_evidence"] = new Dictionary<string, object>();
        return rendered;
    }

    List<DisputeBalanceTransaction> BalanceTransactions()
    {
        var transactions = new List<DisputeBalanceTransaction>();
        if (WithdrawalBalanceTransactionId is { } withdrawal)
        {
            transactions.Add(new DisputeBalanceTransaction(withdrawal, "dispute", Id));
        }

        if (ReinstatementBalanceTransactionId is { } reinstatement)
        {
            transactions.Add(new DisputeBalanceTransaction(reinstatement, "dispute_reversal", Id));
        }

        return transactions;
    }

    static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, StripeJson.Options)!;
}
