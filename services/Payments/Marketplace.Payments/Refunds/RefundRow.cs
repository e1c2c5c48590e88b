using System.Text.Json;
using Marketplace.Api.Objects;

namespace Marketplace.Payments.Refunds;

/// <summary>A <c>refunds</c> row as Dapper reads it, and how it renders.</summary>
public sealed record RefundRow
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string PlatformId { get; init; }
    public required string ChargeId { get; init; }
    public required string PaymentIntentId { get; init; }
    public DateTime Created { get; init; }
    public long Amount { get; init; }
    public required string Currency { get; init; }
    public required string Status { get; init; }
    public string? Reason { get; init; }
    public string? FailureReason { get; init; }
    public bool ReverseTransfer { get; init; }
    public bool RefundApplicationFee { get; init; }
    public string? BalanceTransactionId { get; init; }
    public string? FailureBalanceTransactionId { get; init; }
    public string? AcquirerReference { get; init; }
    public required string Metadata { get; init; }

    public Refund ToRefund() => new()
    {
        Id = Id,
        Amount = Amount,
        BalanceTransaction = BalanceTransactionId,
        Charge = ChargeId,
        Created = new DateTimeOffset(DateTime.SpecifyKind(Created, DateTimeKind.Utc)),
        Currency = Currency,
        FailureBalanceTransaction = FailureBalanceTransactionId,
        FailureReason = FailureReason,
        Metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(Metadata, StripeJson.Options)!,
        PaymentIntent = PaymentIntentId,
        PendingReason = Status == RefundStatuses.Pending ? "processing" : null,
        Reason = Reason,
        Status = Status,
    };
}
