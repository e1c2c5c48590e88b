namespace Marketplace.Gateway.Idempotency;

/// <summary>What the store says about a key when a request arrives with it.</summary>
public abstract record IdempotencyClaim
{
    /// <summary>The key is this request's now: run it and record its response.</summary>
    public sealed record Acquired : IdempotencyClaim;

    /// <summary>The key was used with other parameters.</summary>
    public sealed record Mismatch : IdempotencyClaim;

    /// <summary>Another request with the key is still running.</summary>
    public sealed record InFlight : IdempotencyClaim;

    public sealed record Completed(StoredResponse Response) : IdempotencyClaim;
}
