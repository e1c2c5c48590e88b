using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Expansion;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Marketplace.Payments.Search;
using Npgsql;

namespace Marketplace.Payments.Charges;

/// <summary>
/// Reading charges under <c>/v1/charges</c>: retrieve, list and search, scoped to the account the request acts on. Charges
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

    static readonly FormParameter[] SearchParameters =
    [
        new("query", "Stripe's search query language: status:'succeeded', amount>1000, currency:'eur', customer:'cus_…', metadata['key']:'value', created<…, joined by AND or OR.", Required: true),
        new("limit", "1 to 100, default 10."),
        new("page", "The next_page token of the previous result."),
    ];

    public static IEndpointRouteBuilder MapChargesApi(this IEndpointRouteBuilder endpoints)
    {
        var charges = endpoints.MapGroup(ListUrl).WithTags("charges");
        charges.MapGet("", ListAsync).WithSummary("List charges, newest first").WithParameters(ListParameters);
        charges.MapGet("/search", SearchAsync).WithSummary("Search charges, newest first").WithParameters(SearchParameters);
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

    static async Task<IResult> SearchAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var search = SearchRequest.Read(parameters, ChargeSearchFields.All, "ch_");
        ExpansionTree.Read(parameters, new HashSet<string>(), isList: true);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        var rows = await ChargeStore.SearchAsync(dataSource, context.AccountId, search, cancellationToken);
        return StripeJson.Result(search.Page<Charge>([.. rows.Select(r => r.ToCharge())], $"{ListUrl}/search", r => r.Id));
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
