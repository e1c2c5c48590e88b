using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Npgsql;

namespace Marketplace.Fraud.EarlyFraudWarnings;

/// <summary>Stripe's <c>/v1/radar/early_fraud_warnings</c>: retrieve and list (by charge or payment intent).</summary>
public static class EarlyFraudWarningsApi
{
    const string ObjectName = "radar.early_fraud_warning";
    const string ListUrl = "/v1/radar/early_fraud_warnings";

    static readonly FormParameter[] ListParameters =
    [
        new("charge", "Only the warning of this charge."),
        new("payment_intent", "Only the warnings of this payment intent's charges."),
        new("limit", "1 to 100, default 10."),
        new("starting_after", "A warning id: the page after it."),
        new("ending_before", "A warning id: the page before it."),
        new("created", "A Unix time, or created[gt|gte|lt|lte]."),
    ];

    public static IEndpointRouteBuilder MapEarlyFraudWarningsApi(this IEndpointRouteBuilder endpoints)
    {
        var warnings = endpoints.MapGroup(ListUrl).WithTags("radar.early_fraud_warnings");
        warnings.MapGet("", ListAsync).WithSummary("List early fraud warnings, newest first").WithParameters(ListParameters);
        warnings.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve an early fraud warning");
        return endpoints;
    }

    static async Task<IResult> RetrieveAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await EarlyFraudWarningStore.FindAsync(connection, context.PlatformId, context.AccountId, id, cancellationToken) is { } row
            ? StripeJson.Result(row.ToWarning())
            : StripeError.ResourceMissing(ObjectName, id).ToResult();
    }

    static async Task<IResult> ListAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        var charge = parameters.GetString("charge");
        var paymentIntent = parameters.GetString("payment_intent");
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (query.Cursor is { } cursor && !await EarlyFraudWarningStore.ExistsAsync(connection, context.PlatformId, context.AccountId, cursor, cancellationToken))
        {
            return StripeError.ResourceMissing(ObjectName, cursor, query.Direction == ListDirection.Older ? "starting_after" : "ending_before").ToResult();
        }

        var rows = await EarlyFraudWarningStore.ListAsync(connection, context.PlatformId, context.AccountId, query.ToSql(), charge, paymentIntent, cancellationToken);
        return StripeJson.Result(query.ToPage(rows, ListUrl));
    }
}
