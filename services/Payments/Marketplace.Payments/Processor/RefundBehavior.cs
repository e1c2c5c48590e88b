namespace Marketplace.Payments.Processor;

public enum RefundBehavior
{
    Succeeds,

    /// <summary>Stays <c>pending</c> for a while, then succeeds.</summary>
    PendingThenSucceeds,

    /// <summary>Reported <c>succeeded</c>, then fails and the funds come back to the balance.</summary>
    SucceedsThenFails,
}
