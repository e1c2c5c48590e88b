namespace Marketplace.Gateway.Idempotency;

/// <summary>What is replayed: the first response's status, content type and body, and the request that produced it.</summary>
public sealed record StoredResponse(int Status, string? ContentType, byte[] Body, string RequestId);
