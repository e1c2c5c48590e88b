using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Context;

/// <summary>
/// Who a <c>/v1</c> request acts for, as the gateway resolved it from the API key and <c>Stripe-Account</c>: the
/// platform that owns the key, the account the request acts on (the platform itself or one of its connected accounts),
/// what the key may do, and the request's id and idempotency key. Endpoints take it as a parameter.
/// </summary>
public sealed record RequestContext
{
    public required string PlatformId { get; init; }

    /// <summary>The account whose objects the request reads and writes: the platform, or the connected account named in <c>Stripe-Account</c>.</summary>
    public required string AccountId { get; init; }

    public required ApiKeyKind KeyKind { get; init; }

    /// <summary>A restricted key's grants; every grant for a secret key.</summary>
    public required KeyPermissions Permissions { get; init; }

    public required string RequestId { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>True when the request acts on a connected account through <c>Stripe-Account</c>.</summary>
    public bool IsConnectedAccount => !string.Equals(AccountId, PlatformId, StringComparison.Ordinal);

    /// <summary>Minimal API binding: the context the <see cref="GatewayContextMiddleware"/> verified for this request.</summary>
    public static ValueTask<RequestContext?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<RequestContext?>(context.Features.Get<RequestContext>()
            ?? throw new InvalidOperationException("No verified request context: is UseStripeApi() in the pipeline?"));
    }
}
