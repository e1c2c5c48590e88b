using System.Text;
using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Metadata;
using Marketplace.Api.Objects;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Payments.Refunds;

/// <summary>
/// Stripe's refund endpoints under <c>/v1/refunds</c>: create, retrieve, update, list and cancel, each scoped to the
/// account the request acts on (<see cref="RequestContext.AccountId"/>).
/// </summary>
public static class RefundsApi
{
    internal const string ObjectName = "refund";
    const string ListUrl = "/v1/refunds";

    public static IEndpointRouteBuilder MapRefundsApi(this IEndpointRouteBuilder endpoints)
    {
        var refunds = endpoints.MapGroup(ListUrl).WithTags("refunds");
        refunds.MapPost("", CreateAsync).WithSummary("Create a refund").WithParameters(RefundParameters.Create);
        refunds.MapGet("", ListAsync).WithSummary("List refunds, newest first").WithParameters(RefundParameters.List);
        refunds.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a refund");
        refunds.MapPost("/{id}", UpdateAsync).WithSummary("Update a refund's metadata").WithParameters(RefundParameters.Update);
        refunds.MapPost("/{id}/cancel", CancelAsync).WithSummary("Cancel a refund that requires action");
        endpoints.MapChargeRefundsApi();
        return endpoints;
    }

    static async Task<IResult> CreateAsync(
        HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<RefundOptions> options, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var charge = parameters.GetString("charge");
        var paymentIntent = parameters.GetString("payment_intent");
        var refund = RefundRequest.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (charge is null && paymentIntent is null)
        {
            return StripeError.InvalidRequest("One of the following params should be provided for this request: charge or payment_intent.", "charge").ToResult();
        }

        return await MakeAsync(dataSource, context, charge, paymentIntent, refund, options.Value, cancellationToken);
    }

    /// <summary>Makes the refund, then waits a moment for the Ledger's answer so that the response can say what became of it.</summary>
    internal static async Task<IResult> MakeAsync(
        NpgsqlDataSource dataSource, RequestContext context, string? charge, string? paymentIntent, RefundRequest request, RefundOptions options,
        CancellationToken cancellationToken)
    {
        var created = await RefundCreator.CreateAsync(dataSource, context, charge, paymentIntent, request, cancellationToken);
        if (created.Error is { } refused)
        {
            return refused.ToResult();
        }

        var settled = await RefundSettlement.AwaitLedgerAsync(dataSource, created.Refund!, options.SettleWithin, cancellationToken);
        return Json(StripeJson.Serialize(settled.ToRefund()));
    }

    static async Task<IResult> RetrieveAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        return await RefundStore.FindAsync(dataSource, context.AccountId, id, cancellationToken) is { } refund
            ? Json(StripeJson.Serialize(refund.ToRefund()))
            : StripeError.ResourceMissing(ObjectName, id).ToResult();
    }

    /// <summary>Changes the metadata, the only field Stripe lets a refund's owner change.</summary>
    internal static async Task<IResult> UpdateAsync(
        string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var metadata = MetadataUpdate.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await RefundStore.LockAsync(transaction, context.AccountId, id, cancellationToken) is not { } current)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        if (!metadata.TryApply(current.ToRefund().Metadata, out var pairs, out var invalid))
        {
            return invalid.ToResult();
        }

        var updated = current with { Metadata = StripeJson.Serialize(pairs) };
        await RefundStore.UpdateAsync(transaction, updated, cancellationToken);
        await RefundEvents.ChangedAsync(transaction, current, updated, context, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Json(StripeJson.Serialize(updated.ToRefund()));
    }

    /// <summary>
    /// Stripe cancels only a refund that waits for the customer (<c>requires_action</c>, for payment methods that
    /// need one); a card refund never does, so this refuses every refund it finds, as Stripe refuses a card refund.
    /// </summary>
    static async Task<IResult> CancelAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        return await RefundStore.FindAsync(dataSource, context.AccountId, id, cancellationToken) is { } refund
            ? StripeError.InvalidRequest($"Refund {id} has a status of {refund.Status}; only a refund with a status of {RefundStatuses.RequiresAction} can be canceled.").ToResult()
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

        return await PageAsync(dataSource, context, query, charge, paymentIntent, ListUrl, cancellationToken);
    }

    internal static async Task<IResult> PageAsync(
        NpgsqlDataSource dataSource, RequestContext context, ListQuery query, string? charge, string? paymentIntent, string url,
        CancellationToken cancellationToken)
    {
        if (query.Cursor is { } cursor && !await RefundStore.ExistsAsync(dataSource, context.AccountId, cursor, cancellationToken))
        {
            return StripeError.ResourceMissing(ObjectName, cursor, query.Direction == ListDirection.Older ? "starting_after" : "ending_before").ToResult();
        }

        var rows = await RefundStore.ListAsync(dataSource, context.AccountId, query.ToSql(), charge, paymentIntent, cancellationToken);
        return StripeJson.Result(query.ToPage([.. rows.Select(row => row.ToRefund())], url));
    }

    /// <summary>Answers with JSON already rendered, so that the response and the event carry the very same text.</summary>
    internal static IResult Json(string json) => Results.Content(json, "application/json", Encoding.UTF8);
}
