namespace Marketplace.Messaging.Outbox;

public sealed class OutboxRelayOptions
{
    /// <summary>Rows claimed and sent per transaction; they are sent concurrently and confirmed together.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How often an idle relay looks for rows that became due (scheduled messages) or were committed outside a
    /// consumer (API requests, other instances): the longest such a message waits before it is sent.
    /// </summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How long one send may take before it counts as failed. A send the broker never confirms (a channel closed under
    /// it, such as a <c>queue:</c> address declared with other arguments than the queue has) would otherwise hold the
    /// whole batch, and every other message of the service behind it. A send that timed out but did arrive is sent again
    /// later with the same MessageId, which the consumers' inbox absorbs.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a row that failed to send waits before the next attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
