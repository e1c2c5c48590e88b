using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Api;

public static class StripeApiExtensions
{
    /// <summary>Configuration key of the secret the gateway signs request contexts with (<see cref="GatewayContextSigner"/>).</summary>
    public const string ContextSigningKeySetting = "Gateway:ContextSigningKey";

    /// <summary>
    /// Puts the Stripe error writer ahead of any other problem-details writer, whether <c>AddProblemDetails</c> ran
    /// before or runs after (the first writer that accepts a request writes it), and registers the context signer
    /// with the key from <see cref="ContextSigningKeySetting"/>.
    /// </summary>
    public static IServiceCollection AddStripeApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, StripeProblemDetailsWriter>());
        services.AddSingleton(provider => new GatewayContextSigner(
            provider.GetRequiredService<IConfiguration>()[ContextSigningKeySetting]
                ?? throw new InvalidOperationException($"{ContextSigningKeySetting} is not configured."),
            TimeProvider.System));
        return services;
    }

    /// <summary>Call first, so that it sees every exception and every empty error response of the pipeline.</summary>
    public static IApplicationBuilder UseStripeApiErrors(this IApplicationBuilder app) =>
        app.UseMiddleware<StripeErrorMiddleware>();

    /// <summary>A service's <c>/v1</c> edge: Stripe's errors, then the gateway's signed context required on every request.</summary>
    public static IApplicationBuilder UseStripeApi(this IApplicationBuilder app) =>
        app.UseStripeApiErrors().UseMiddleware<GatewayContextMiddleware>();
}
