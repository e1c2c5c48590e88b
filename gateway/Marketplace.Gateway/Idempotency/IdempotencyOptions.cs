namespace Marketplace.Gateway.Idempotency;

/// <summary>Configuration section <c>Gateway:Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    /// <summary>How long a first response is replayed. Stripe keeps keys for at least 24 hours.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a request in flight holds its key. A retry within it gets 409 (the SDKs retry that); after it, a retry
    /// runs the request again, which is how a request whose gateway crashed mid-flight completes.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);
}
