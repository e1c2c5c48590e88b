using Marketplace.Api.Objects;

namespace Marketplace.Ledger.Transfers;

/// <summary>Stripe's <c>transfer_reversal</c> object.</summary>
public sealed record TransferReversal : StripeObject
{
    protected override string TypeName => "transfer_reversal";

    public required string Id { get; init; }
    public required long Amount { get; init; }
    public required string BalanceTransaction { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required string Currency { get; init; }
    public required string DestinationPaymentRefund { get; init; }
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>The refund that caused the reversal (<c>ReverseTransfer</c>); reversals made through the API have none.</summary>
    public string? SourceRefund { get; init; }

    public required string Transfer { get; init; }
}
