using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Marketplace.Payments.Charges;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Payments.Refunds;

/// <summary>
/// The refunds of one charge, as Stripe nests them under <c>/v1/charges/{charge}/refunds</c>: the same refunds as
/// <see cref="RefundsApi"/>, reached through their charge.
/// </summary>
internal static class ChargeRefundsApi
{
    public static IEndpointRouteBuilder MapChargeRefundsApi(this IEndpointRouteBuilder endpoints)
    {
        var refunds = endpoints.MapGroup("/v1/charges/{charge}/refunds").WithTags("refunds");
        refunds.MapPost("", CreateAsync).WithSummary("Refund a charge").WithParameters(RefundParameters.CreateForCharge);
        refunds.MapGet("", ListAsync).WithSummary("List a charge's refunds, newest first").WithParameters(RefundParameters.ListForCharge);
        refunds.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a refund of a charge");
        refunds.MapPost("/{id}", UpdateAsync).WithSummary("Update a charge's refund's metadata").WithParameters(RefundParameters.Update);
        return endpoints;
    }

    static async Task<IResult> CreateAsync(
        string charge, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<RefundOptions> options,
        CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var refund = RefundRequest.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        return await RefundsApi.MakeAsync(dataSource, context, charge, null, refund, options.Value, cancellationToken);
    }

    static async Task<IResult> ListAsync(
        string charge, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (await ChargeStore.FindAsync(dataSource, context.AccountId, charge, cancellationToken) is null)
        {
            return StripeError.ResourceMissing("charge", charge, "charge").ToResult();
        }

        return await RefundsApi.PageAsync(dataSource, context, query, charge, null, $"/v1/charges/{charge}/refunds", cancellationToken);
    }

    static async Task<IResult> RetrieveAsync(
        string charge, string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        return await RefundStore.FindAsync(dataSource, context.AccountId, id, cancellationToken) is { } refund && refund.ChargeId == charge
            ? RefundsApi.Json(StripeJson.Serialize(refund.ToRefund()))
            : StripeError.ResourceMissing(RefundsApi.ObjectName, id).ToResult();
    }

    static async Task<IResult> UpdateAsync(
        string charge, string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        await RefundStore.FindAsync(dataSource, context.AccountId, id, cancellationToken) is { } refund && refund.ChargeId == charge
            ? await RefundsApi.UpdateAsync(id, request, context, dataSource, cancellationToken)
            : StripeError.ResourceMissing(RefundsApi.ObjectName, id).ToResult();
}
