namespace Marketplace.Contracts.Ledger;

/// <summary>
/// Payments asks the Ledger to journal a captured charge. Posting is idempotent on the charge: sending it again (a
/// redelivery, a retried saga step) journals nothing more and is answered with the same <see cref="ChargePosted"/>.
/// </summary>
public sealed record PostCharge
{
    /// <summary>Where the Ledger's consumer listens.</summary>
    public static readonly Uri Address = new("exchange:ledger-post-charge");

    public required string ChargeId { get; init; }

    public required string PlatformId { get; init; }

    /// <summary>The account the charge lands on: the platform, or the connected account of a direct charge.</summary>
    public required string OnAccount { get; init; }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    /// <summary>The connected account of a destination charge (<c>transfer_data[destination]</c>).</summary>
    public string? Destination { get; init; }

    /// <summary><c>transfer_data[amount]</c>; the whole amount when null.</summary>
    public long? TransferAmount { get; init; }

    public long? ApplicationFeeAmount { get; init; }

    /// <summary><c>on_behalf_of</c>: the connected account the charge settles for (in its currency).</summary>
    public string? OnBehalfOf { get; init; }

    /// <summary>The funds skip the pending balance and are available at once (Stripe's bypass-pending test card).</summary>
    public bool AvailableImmediately { get; init; }
}
