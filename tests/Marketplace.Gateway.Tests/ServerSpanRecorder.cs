using System.Collections.Concurrent;
using System.Diagnostics;
using Marketplace.Gateway.RequestIds;

namespace Marketplace.Gateway.Tests;

/// <summary>Records the server spans ASP.NET Core starts in this process, to find the one of a given request.</summary>
public sealed class ServerSpanRecorder : IDisposable
{
    readonly ConcurrentQueue<Activity> _spans = new();
    readonly ActivityListener _listener;

    public ServerSpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The server span the gateway tagged with <paramref name="requestId"/>.</summary>
    public Activity? ForRequest(string requestId) =>
        _spans.FirstOrDefault(span => span.GetTagItem(RequestId.TelemetryName) as string == requestId);

    public void Dispose() => _listener.Dispose();
}
