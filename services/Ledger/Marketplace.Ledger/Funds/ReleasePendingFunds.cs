namespace Marketplace.Ledger.Funds;

/// <summary>
/// Due at a charge's <c>available_on</c> for one owner: what the charge put into that owner's pending balance becomes
/// available. The Ledger schedules one per owner (each has its own delay) to itself through the outbox when it
/// journals the charge, so it survives restarts. Internal to the Ledger.
/// </summary>
public sealed record ReleasePendingFunds
{
    /// <summary>
    /// Where it is sent: the consumer's exchange, named as the Ledger names its endpoints (a <c>queue:</c> address would
    /// redeclare the quorum queue).
    /// </summary>
    public static readonly Uri Address = new("exchange:ledger-release-pending-funds");

    public required string ChargeId { get; init; }

    /// <summary>The platform the charge belongs to: the <c>balance.available</c> events are its.</summary>
    public required string PlatformId { get; init; }

    /// <summary>Whose pending share is released.</summary>
    public required string Owner { get; init; }
}
