namespace Marketplace.Webhooks.Events;

/// <summary>
/// The event types a webhook endpoint may subscribe to: Stripe's names for the objects this platform has or is
/// building (customers, payments, Connect accounts, the balance, payouts, billing, Radar, Identity). A type joins the
/// list when a service starts raising it or is about to; Stripe's types for objects we do not have are refused
/// rather than accepted and never sent.
/// </summary>
public static class EventTypes
{
    /// <summary>Subscribes to every type, including types added later.</summary>
    public const string All = "*";

    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "account.application.authorized", "account.application.deauthorized", "account.external_account.created",
        "account.external_account.deleted", "account.external_account.updated", "account.updated",
        "application_fee.created", "application_fee.refund.updated", "application_fee.refunded",
        "balance.available",
        "capability.updated",
        "charge.captured", "charge.dispute.closed", "charge.dispute.created", "charge.dispute.funds_reinstated",
        "charge.dispute.funds_withdrawn", "charge.dispute.updated", "charge.expired", "charge.failed",
        "charge.pending", "charge.refund.updated", "charge.refunded", "charge.succeeded", "charge.updated",
        "checkout.session.async_payment_failed", "checkout.session.async_payment_succeeded",
        "checkout.session.completed", "checkout.session.expired",
        "customer.created", "customer.deleted", "customer.discount.created", "customer.discount.deleted",
        "customer.discount.updated", "customer.source.created", "customer.source.deleted", "customer.source.expiring",
        "customer.source.updated", "customer.subscription.created", "customer.subscription.deleted",
        "customer.subscription.paused", "customer.subscription.pending_update_applied",
        "customer.subscription.pending_update_expired", "customer.subscription.resumed",
        "customer.subscription.trial_will_end", "customer.subscription.updated", "customer.tax_id.created",
        "customer.tax_id.deleted", "customer.tax_id.updated", "customer.updated",
        "identity.verification_session.canceled", "identity.verification_session.created",
        "identity.verification_session.processing", "identity.verification_session.redacted",
        "identity.verification_session.requires_input", "identity.verification_session.verified",
        "invoice.created", "invoice.deleted", "invoice.finalization_failed", "invoice.finalized",
        "invoice.marked_uncollectible", "invoice.overdue", "invoice.overpaid", "invoice.paid",
        "invoice.payment_action_required", "invoice.payment_attempt_required", "invoice.payment_failed",
        "invoice.payment_succeeded", "invoice.sent", "invoice.upcoming", "invoice.updated", "invoice.voided",
        "invoice.will_be_due",
        "invoiceitem.created", "invoiceitem.deleted",
        "mandate.updated",
        "payment_intent.amount_capturable_updated", "payment_intent.canceled", "payment_intent.created",
        "payment_intent.partially_funded", "payment_intent.payment_failed", "payment_intent.processing",
        "payment_intent.requires_action", "payment_intent.succeeded",
        "payment_link.created", "payment_link.updated",
        "payment_method.attached", "payment_method.automatically_updated", "payment_method.detached",
        "payment_method.updated",
        "payout.canceled", "payout.created", "payout.failed", "payout.paid", "payout.reconciliation_completed",
        "payout.updated",
        "person.created", "person.deleted", "person.updated",
        "price.created", "price.deleted", "price.updated",
        "product.created", "product.deleted", "product.updated",
        "radar.early_fraud_warning.created", "radar.early_fraud_warning.updated",
        "refund.created", "refund.failed", "refund.updated",
        "review.closed", "review.opened",
        "setup_intent.canceled", "setup_intent.created", "setup_intent.requires_action", "setup_intent.setup_failed",
        "setup_intent.succeeded",
        "topup.canceled", "topup.created", "topup.failed", "topup.reversed", "topup.succeeded",
        "transfer.created", "transfer.reversed", "transfer.updated",
    };

    public static bool CanSubscribe(string type) => type == All || Known.Contains(type);
}
