namespace Marketplace.Ledger.Topups;

/// <summary>
/// The simulated bank rail's answer to a top-up, due a little after it was created: the Ledger sends it to itself
/// through the outbox (durable scheduling), so a restart in between loses nothing. Internal to the Ledger.
/// </summary>
public sealed record SettleTopup
{
    /// <summary>
    /// Where it is sent: the consumer's exchange, named as the Ledger names its endpoints (a <c>queue:</c> address would
    /// redeclare the quorum queue).
    /// </summary>
    public static readonly Uri Address = new("exchange:ledger-settle-topup");

    public required string TopupId { get; init; }

    /// <summary>The journal cause of a top-up's settlement: it posts once, and its presence means the money has moved.</summary>
    public static string Cause(string topupId) => $"topup:{topupId}";
}
