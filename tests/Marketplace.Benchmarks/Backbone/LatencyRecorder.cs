namespace Marketplace.Benchmarks.Backbone;

/// <summary>Write-to-consume latencies of one run, and the moment the expected number of messages was reached.</summary>
public sealed class LatencyRecorder(int expected)
{
    readonly double[] _milliseconds = new double[expected];
    int _count;

    public TaskCompletionSource AllConsumed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Record(DateTime writtenAt)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        if (index < _milliseconds.Length)
        {
            _milliseconds[index] = (DateTime.UtcNow - writtenAt).TotalMilliseconds;
        }

        if (index == _milliseconds.Length - 1)
        {
            AllConsumed.TrySetResult();
        }
    }

    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
