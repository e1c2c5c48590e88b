using Marketplace.Api.Context;

namespace Marketplace.Gateway.Tests;

/// <summary>A request as a stub service received it from the gateway; <see cref="Context"/> is null when its signature did not verify.</summary>
public sealed record SeenRequest(
    string Method,
    string PathAndQuery,
    string? RequestId,
    string? TraceParent,
    RequestContext? Context,
    IReadOnlyDictionary<string, string> Headers);
