namespace Marketplace.Payments.Processor;

/// <summary>
/// What the network will do with a payment after it succeeded. Real networks tell this later through notifications;
/// the simulator says it at once, and the payment saga (not the acquirer) acts it out.
/// </summary>
/// <param name="DisputeReason">A dispute opens with this Stripe reason (<c>fraudulent</c>, <c>product_not_received</c>).</param>
/// <param name="Inquiry">The dispute is an inquiry (<c>warning_needs_response</c>), not a chargeback.</param>
/// <param name="EarlyFraudWarning">An early fraud warning arrives.</param>
/// <param name="AvailableImmediately">The funds skip the pending balance (Stripe's bypass-pending card).</param>
/// <param name="AccountTrigger">
/// What Stripe's Connect trigger cards do to the connected account the charge is for: one of
/// <see cref="Contracts.Accounts.ConnectedAccountTriggered"/>'s triggers.
/// </param>
public sealed record CardAftermath(
    string? DisputeReason = null,
    bool Inquiry = false,
    bool EarlyFraudWarning = false,
    RefundBehavior Refund = RefundBehavior.Succeeds,
    bool AvailableImmediately = false,
    string? AccountTrigger = null)
{
    public static CardAftermath None { get; } = new();

    /// <summary>Something happens once the charge's money is in the Ledger (<see cref="Charges.ChargeSettled"/> acts it out).</summary>
    public bool ActsOnceSettled => DisputeReason is not null || EarlyFraudWarning || AccountTrigger is not null;
}
