using Marketplace.Api.Errors;

namespace Marketplace.Gateway.Errors;

public static class UnrecognizedRequestUrlApi
{
    /// <summary>
    /// Any path no route owns answers 404 with Stripe's <c>invalid_request_error</c>, in Stripe's words, so that
    /// SDKs surface a typo in a URL as an API error rather than an empty response.
    /// </summary>
    public static IEndpointRouteBuilder MapUnrecognizedRequestUrlFallback(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFallback("{**path}", static context =>
            StripeError.UnrecognizedUrl(context.Request.Method, context.Request.Path).ToResult().ExecuteAsync(context));
        return endpoints;
    }
}
