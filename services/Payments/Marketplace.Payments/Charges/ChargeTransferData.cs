using System.Text.Json.Serialization;

namespace Marketplace.Payments.Charges;

/// <summary>
/// Stripe's <c>transfer_data</c> of a destination charge: where its money goes, and how much of it. Stripe leaves
/// <c>amount</c> out when the whole amount goes (its SDKs read it as a number, never null).
/// </summary>
public sealed record ChargeTransferData(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Amount,
    string Destination);
