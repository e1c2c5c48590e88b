using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Objects;
using Marketplace.Payments.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Payments.Mandates;

/// <summary>
/// Stripe's <c>/v1/mandates/{id}</c>: retrieve only, as on Stripe. Mandates are made by the confirms that carry
/// <c>mandate_data</c> (<see cref="DebitMandates"/>), never by this endpoint.
/// </summary>
public static class MandatesApi
{
    public static IEndpointRouteBuilder MapMandatesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/v1/mandates").WithTags("mandates").MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a mandate");
        return endpoints;
    }

    static async Task<IResult> RetrieveAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<AuthenticationPageOptions> pages,
        CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        return await MandateStore.FindAsync(dataSource, context.AccountId, id, cancellationToken) is { } mandate
            ? StripeJson.Result(mandate.ToMandate(pages.Value.PublicBaseUrl))
            : StripeError.ResourceMissing("mandate", id).ToResult();
    }
}
