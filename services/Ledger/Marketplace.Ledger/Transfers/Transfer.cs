using Marketplace.Api.Lists;
using Marketplace.Api.Objects;

namespace Marketplace.Ledger.Transfers;

/// <summary>Stripe's <c>transfer</c> object, with its newest reversals embedded as Stripe does.</summary>
public sealed record Transfer : StripeObject
{
    protected override string TypeName => "transfer";

    public required string Id { get; init; }
    public required long Amount { get; init; }
    public required long AmountReversed { get; init; }
    public required string BalanceTransaction { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required string Currency { get; init; }
    public string? Description { get; init; }
    public required string Destination { get; init; }
    public required string DestinationPayment { get; init; }
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }
    public required StripeList<TransferReversal> Reversals { get; init; }
    public bool Reversed => AmountReversed == Amount;
    public string? SourceTransaction { get; init; }
    public string SourceType => "card";
    public string? TransferGroup { get; init; }
}
