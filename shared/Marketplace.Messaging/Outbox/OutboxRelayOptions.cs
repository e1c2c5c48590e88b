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

    /// <summary>How long a row that failed to send waits before the next attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
