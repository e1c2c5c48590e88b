namespace Marketplace.Contracts.Ledger;

/// <summary>What a charge put into an account's pending balance became available (at its <c>available_on</c>).</summary>
public sealed record FundsBecameAvailable
{
    public required string PlatformId { get; init; }

    public required string AccountId { get; init; }

    public required string ChargeId { get; init; }

    public required string Currency { get; init; }

    /// <summary>Negative when the charge's fees exceeded the account's share.</summary>
    public required long Amount { get; init; }
}
