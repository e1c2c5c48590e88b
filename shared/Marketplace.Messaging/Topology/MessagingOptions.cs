namespace Marketplace.Messaging.Topology;

/// <summary>
/// Retry and redelivery schedule of every receive endpoint (configuration section <c>Messaging</c>). A list left
/// empty means the default; configuring one replaces the default whole (the binder would merge arrays by index).
/// </summary>
public sealed class MessagingOptions
{
    static readonly TimeSpan[] DefaultRetryIntervals =
    [
        TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1),
        TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5),
    ];

    static readonly TimeSpan[] DefaultRedeliveryIntervals = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];

    /// <summary>
    /// In-process retries: each runs the whole consume transaction again, riding out a database or broker blip.
    /// (Saga version conflicts have their own, quicker retries.)
    /// </summary>
    public IList<TimeSpan> RetryIntervals { get; } = [];

    /// <summary>
    /// Redeliveries once the retries are spent: the message leaves the process and comes back later through
    /// the outbox (durably), for failures that outlast a retry, such as a dependency that is down for minutes.
    /// After the last one it goes to the endpoint's <c>_error</c> queue.
    /// </summary>
    public IList<TimeSpan> RedeliveryIntervals { get; } = [];

    internal TimeSpan[] EffectiveRetryIntervals => RetryIntervals.Count == 0 ? DefaultRetryIntervals : [.. RetryIntervals];

    internal TimeSpan[] EffectiveRedeliveryIntervals => RedeliveryIntervals.Count == 0 ? DefaultRedeliveryIntervals : [.. RedeliveryIntervals];
}
