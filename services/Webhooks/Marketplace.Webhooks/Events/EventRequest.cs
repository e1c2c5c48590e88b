namespace Marketplace.Webhooks.Events;

/// <summary>An event's <c>request</c>: the API request that caused it; both null for changes no request caused.</summary>
public sealed record EventRequest(string? Id, string? IdempotencyKey);
