namespace Marketplace.Payments.Disputes;

/// <summary>
/// The card part of a dispute's <c>payment_method_details</c>: <c>case_type</c> <c>chargeback</c> or <c>inquiry</c>.
/// The network's own reason code is not something the simulator reports.
/// </summary>
public sealed record DisputeCardDetails(string? Brand, string CaseType, string? Network, string? NetworkReasonCode);
