using Marketplace.Api.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Api;

public static class StripeApiExtensions
{
    /// <summary>
    /// Puts the Stripe error writer ahead of any other problem-details writer, whether <c>AddProblemDetails</c> ran
    /// before or runs after: the first writer that accepts a request writes it.
    /// </summary>
    public static IServiceCollection AddStripeApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, StripeProblemDetailsWriter>());
        return services;
    }

    /// <summary>Call first, so that it sees every exception and every empty error response of the pipeline.</summary>
    public static IApplicationBuilder UseStripeApiErrors(this IApplicationBuilder app) =>
        app.UseMiddleware<StripeErrorMiddleware>();
}
