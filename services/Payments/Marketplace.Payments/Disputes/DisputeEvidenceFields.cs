namespace Marketplace.Payments.Disputes;

/// <summary>
/// The fields of Stripe's dispute <c>evidence</c> a platform writes, by their API names. The file fields take the id of
/// an uploaded file; there is no Files API here yet, so they are kept as the ids given.
/// </summary>
internal static class DisputeEvidenceFields
{
    /// <summary>Stripe allows 150,000 characters of evidence text in all; no single field may be longer.</summary>
    public const int MaxLength = 150_000;

    public static readonly IReadOnlyList<string> All =
    [
        "access_activity_log", "billing_address", "cancellation_policy", "cancellation_policy_disclosure", "cancellation_rebuttal",
        "customer_communication", "customer_email_address", "customer_name", "customer_purchase_ip", "customer_signature",
        "duplicate_charge_documentation", "duplicate_charge_explanation", "duplicate_charge_id", "product_description", "receipt",
        "refund_policy", "refund_policy_disclosure", "refund_refusal_explanation", "service_date", "service_documentation",
        "shipping_address", "shipping_carrier", "shipping_date", "shipping_documentation", "shipping_tracking_number",
        "uncategorized_file", "uncategorized_text",
    ];

    /// <summary>Stripe's test-mode evidence (<c>uncategorized_text</c>) that decides a submitted dispute at once.</summary>
    public const string WinningEvidence = "winning_evidence";

    public const string LosingEvidence = "losing_evidence";
}
