using Marketplace.Api.Context;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Marketplace.Gateway.Authentication;

/// <summary>
/// On every forwarded request: drops what a client may not pass to a service (its API key, and any context header it
/// made up), then adds the context this gateway resolved, signed, which is all a service trusts.
/// </summary>
public static class SignedContextTransform
{
    public static void Add(TransformBuilderContext builder, GatewayContextSigner signer)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(signer);
        builder.AddRequestTransform(transform =>
        {
            var headers = transform.ProxyRequest.Headers;
            headers.Remove(HeaderNames.Authorization);
            headers.Remove(GatewayContextHeaders.IdempotencyKey);
            foreach (var name in GatewayContextHeaders.GatewayOnly)
            {
                headers.Remove(name);
            }

            if (transform.HttpContext.Features.Get<RequestContext>() is { } context)
            {
                foreach (var (name, value) in signer.Sign(transform.HttpContext.Request.Method, transform.Path.Value ?? "", context))
                {
                    headers.TryAddWithoutValidation(name, value);
                }
            }

            return ValueTask.CompletedTask;
        });
    }
}
