using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Expansion;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Npgsql;

namespace Marketplace.Payments.Charges;

/// <summary>
/// Reading charges under <c>/v1/charges</c>: retrieve and list, scoped to the account the request acts on. Charges
/// are made by confirming payment intents; Stripe's older direct charge creation is not offered.
/// </summary>
public static class ChargesApi
{
    const string ObjectName = "charge";
    const string ListUrl = "/v1/charges";

    static readonly FormParameter[] ListParameters =
    [
        new("customer", "Only the customer's charges."),
        new("payment_intent", "Only the payment intent's charges."),
        new("created", "A timestamp, or created[gt|gte|lt|lte]."),
        new("limit", "1 to 100, default 10."),
        new("starting_after", "A charge id: the page after it."),
        new("ending_before", "A charge id: the page before it."),
    ];

    public static IEndpointRouteBuilder MapChargesApi(this IEndpointRouteBuilder endpoints)
    {
        var charges = endpoints.MapGroup(ListUrl).WithTags("charges");
        charges.MapGet("", ListAsync).WithSummary("List charges, newest first").WithParameters(ListParameters);
        charges.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a charge");
        return endpoints;
    }

    static async Task<IResult> RetrieveAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        ExpansionTree.Read(parameters, new HashSet<string>());
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        return await ChargeStore.FindAsync(dataSource, context.AccountId, id, cancellationToken) is { } charge
            ? StripeJson.Result(charge.ToCharge())
            : StripeError.ResourceMissing(ObjectName, id).ToResult();
    }

    static async Task<IResult> ListAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        var customer = parameters.GetString("customer");
        var paymentIntent = parameters.GetString("payment_intent");
        ExpansionTree.Read(parameters, new HashSet<string>(), isList: true);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (query.Cursor is { } cursor && await ChargeStore.FindAsync(dataSource, context.AccountId, cursor, cancellationToken) is null)
        {
            return StripeError.ResourceMissing(ObjectName, cursor, query.Direction == ListDirection.Older ? "starting_after" : "ending_before").ToResult();
        }

        var rows = await ChargeStore.ListAsync(dataSource, context.AccountId, query.ToSql(), customer, paymentIntent, cancellationToken);
        return StripeJson.Result(query.ToPage([.. rows.Select(r => r.ToCharge())], ListUrl));
    }
}
