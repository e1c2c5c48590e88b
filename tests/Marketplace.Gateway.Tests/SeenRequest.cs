namespace Marketplace.Gateway.Tests;

/// <summary>A request as a stub service received it from the gateway.</summary>
public sealed record SeenRequest(string Method, string PathAndQuery, string? RequestId, string? TraceParent);
