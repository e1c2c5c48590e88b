namespace Marketplace.Payments.Refunds;

/// <summary>How refunds are timed (configuration section <c>Payments:Refunds</c>).</summary>
public sealed class RefundOptions
{
    public const string Section = "Payments:Refunds";

    /// <summary>
    /// How long a create waits for the Ledger's answer before it answers <c>pending</c>: a refund is <c>succeeded</c>
    /// in a response only once the Ledger has posted it (<c>docs/decisions/0010-refunds.md</c>).
    /// </summary>
    public TimeSpan SettleWithin { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long after the Ledger posted it the refund test cards' second act comes: a <c>pending</c> refund succeeds,
    /// a <c>succeeded</c> one fails.
    /// </summary>
    public TimeSpan TestCardDelay { get; set; } = TimeSpan.FromSeconds(30);
}
