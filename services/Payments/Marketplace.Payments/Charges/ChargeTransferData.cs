namespace Marketplace.Payments.Charges;

/// <summary>Stripe's <c>transfer_data</c> of a destination charge: where its money goes, and how much of it (all when null).</summary>
public sealed record ChargeTransferData(long? Amount, string Destination);
