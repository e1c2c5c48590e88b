using Marketplace.Api.Context;

namespace Marketplace.Testing;

/// <summary>Does to each request what the gateway does before forwarding it: signs the caller's context into its headers.</summary>
public sealed class GatewayContextHandler(GatewayContextSigner signer, RequestContext context) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var idempotencyKey = request.Headers.TryGetValues(GatewayContextHeaders.IdempotencyKey, out var keys) ? keys.First() : null;
        foreach (var (name, value) in signer.Sign(request.Method.Method, request.RequestUri!.AbsolutePath, context with { IdempotencyKey = idempotencyKey }))
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
