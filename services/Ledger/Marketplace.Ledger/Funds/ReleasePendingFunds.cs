namespace Marketplace.Ledger.Funds;

/// <summary>
/// Due at a charge's <c>available_on</c>: its pending funds become available. The Ledger schedules it to itself
/// through the outbox when it journals the charge, so it survives restarts. Internal to the Ledger.
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
}
