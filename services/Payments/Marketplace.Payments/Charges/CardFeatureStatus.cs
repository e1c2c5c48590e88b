namespace Marketplace.Payments.Charges;

/// <summary>The <c>{"status": …}</c> hashes of <c>payment_method_details.card</c> (<c>extended_authorization</c>, <c>multicapture</c>…).</summary>
public sealed record CardFeatureStatus(string Status);
