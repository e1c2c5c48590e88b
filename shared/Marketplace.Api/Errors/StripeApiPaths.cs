using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Errors;

/// <summary>The paths that speak Stripe: everything under <c>/v1</c>. Health and operations endpoints do not.</summary>
public static class StripeApiPaths
{
    public static readonly PathString Root = "/v1";

    public static bool Owns(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments(Root);
    }
}
