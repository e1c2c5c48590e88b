using Marketplace.Api.Objects;

namespace Marketplace.Ledger.Topups;

/// <summary>Stripe's <c>topup</c> object.</summary>
public sealed record Topup : StripeObject
{
    protected override string TypeName => "topup";

    public required string Id { get; init; }
    public required long Amount { get; init; }
    public string? BalanceTransaction { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required string Currency { get; init; }
    public string? Description { get; init; }
    public required DateTimeOffset ExpectedAvailabilityDate { get; init; }
    public string? FailureCode { get; init; }
    public string? FailureMessage { get; init; }
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>The bank source; top-ups here come from the platform's bank on file, which the API does not expose.</summary>
    public object? Source => null;

    public string? StatementDescriptor { get; init; }
    public required string Status { get; init; }
    public string? TransferGroup { get; init; }
}
