namespace Marketplace.Payments.Refunds;

/// <summary>
/// The card part of <c>destination_details</c>: a <c>refund</c> of a captured charge. The network's acquirer reference
/// number is not something the simulator has, so the reference fields stay null.
/// </summary>
public sealed record RefundCardDestination(string Type, string? Reference, string? ReferenceStatus, string? ReferenceType);
