using System.Threading.Channels;

namespace Marketplace.Messaging.Outbox;

/// <summary>
/// Wakes this process's relay after a commit that wrote outbox rows, so a message does not wait for the next poll.
/// Rows written by another process are found by polling.
/// </summary>
public sealed class OutboxRelaySignal
{
    // One pending wake-up is enough: the relay drains every due row before it waits again.
    readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _wakeUps.Writer.TryWrite(true);

    internal async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _wakeUps.Reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
