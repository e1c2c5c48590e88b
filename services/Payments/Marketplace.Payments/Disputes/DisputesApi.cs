using System.Text;
using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Metadata;
using Marketplace.Api.Objects;
using Npgsql;

namespace Marketplace.Payments.Disputes;

/// <summary>
/// Stripe's dispute endpoints under <c>/v1/disputes</c>: retrieve, list, update (evidence, metadata, submit) and close,
/// each scoped to the account the request acts on. Disputes are opened by the acquirer (<see cref="ChargeSettledConsumer"/>), never by the API.
/// </summary>
public static class DisputesApi
{
    const string ObjectName = "dispute";
    const string ListUrl = "/v1/disputes";

    public static IEndpointRouteBuilder MapDisputesApi(this IEndpointRouteBuilder endpoints)
    {
        var disputes = endpoints.MapGroup(ListUrl).WithTags("disputes");
        disputes.MapGet("", ListAsync).WithSummary("List disputes, newest first").WithParameters(DisputeParameters.List);
        disputes.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a dispute");
        disputes.MapPost("/{id}", UpdateAsync).WithSummary("Update a dispute's evidence or metadata, or submit it").WithParameters(DisputeParameters.Update);
        disputes.MapPost("/{id}/close", CloseAsync).WithSummary("Close a dispute, accepting the loss");
        return endpoints;
    }

    static async Task<IResult> RetrieveAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        return await DisputeStore.FindAsync(dataSource, context.AccountId, id, cancellationToken) is { } dispute
            ? Json(StripeJson.Serialize(dispute.ToDispute()))
            : StripeError.ResourceMissing(ObjectName, id).ToResult();
    }

    static async Task<IResult> UpdateAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var evidence = ReadEvidence(parameters);
        var submit = parameters.GetBoolean("submit") ?? false;
        var metadata = MetadataUpdate.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await DisputeStore.LockAsync(transaction, context.AccountId, id, cancellationToken) is not { } current)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        if ((evidence.Count > 0 || submit) && !DisputeStatuses.AwaitsResponse(current.Status))
        {
            return StripeError.InvalidRequest($"Dispute {id} is {current.Status}: its evidence can no longer be changed or submitted.", submit ? "submit" : "evidence")
                .ToResult();
        }

        if (!metadata.TryApply(current.ToDispute().Metadata, out var pairs, out var invalid))
        {
            return invalid.ToResult();
        }

        var updated = current with { Evidence = StripeJson.Serialize(Merge(current.ReadEvidence(), evidence)), Metadata = StripeJson.Serialize(pairs) };
        if (submit)
        {
            if (!current.Inquiry && current.WithdrawalBalanceTransactionId is null)
            {
                // A decision may give the money back: the Ledger must have taken it first.
                return StripeError.Conflict($"The funds of dispute {id} are still being withdrawn; submit again in a moment.").ToResult();
            }

            updated = DisputeOutcomes.Submitted(updated);
        }

        await DisputeStore.UpdateAsync(transaction, updated, cancellationToken);
        await DisputeOutcomes.MoveFundsAsync(transaction, current, updated, cancellationToken);
        await DisputeEvents.ChangedAsync(transaction, current, updated, context, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Json(StripeJson.Serialize(updated.ToDispute()));
    }

    static async Task<IResult> CloseAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await DisputeStore.LockAsync(transaction, context.AccountId, id, cancellationToken) is not { } current)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        var closed = DisputeOutcomes.Closed(current);
        if (current.Status == closed.Status)
        {
            // Closed already, as a retried close finds it.
            return Json(StripeJson.Serialize(current.ToDispute()));
        }

        if (DisputeStatuses.IsClosed(current.Status))
        {
            return StripeError.InvalidRequest($"Dispute {id} is already closed ({current.Status}).").ToResult();
        }

        await DisputeStore.UpdateAsync(transaction, closed, cancellationToken);
        await DisputeOutcomes.MoveFundsAsync(transaction, current, closed, cancellationToken);
        await DisputeEvents.ChangedAsync(transaction, current, closed, context, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Json(StripeJson.Serialize(closed.ToDispute()));
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

        if (query.Cursor is { } cursor && !await DisputeStore.ExistsAsync(dataSource, context.AccountId, cursor, cancellationToken))
        {
            return StripeError.ResourceMissing(ObjectName, cursor, query.Direction == ListDirection.Older ? "starting_after" : "ending_before").ToResult();
        }

        var rows = await DisputeStore.ListAsync(dataSource, context.AccountId, query.ToSql(), charge, paymentIntent, cancellationToken);
        return StripeJson.Result(query.ToPage([.. rows.Select(row => row.ToDispute())], ListUrl));
    }

    /// <summary>The evidence fields sent, by name: a value to set, or null (sent empty) to remove.</summary>
    static Dictionary<string, string?> ReadEvidence(ParameterReader parameters)
    {
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (parameters.GetObject("evidence") is not { } evidence)
        {
            return changes;
        }

        foreach (var field in DisputeEvidenceFields.All)
        {
            if (evidence.Unset(field))
            {
                changes[field] = null;
            }
            else if (evidence.GetString(field, DisputeEvidenceFields.MaxLength) is { } value)
            {
                changes[field] = value;
            }
        }

        return changes;
    }

    static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> current, Dictionary<string, string?> changes)
    {
        var merged = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (field, value) in changes)
        {
            if (value is null)
            {
                merged.Remove(field);
            }
            else
            {
                merged[field] = value;
            }
        }

        return merged;
    }

    /// <summary>Answers with JSON already rendered, so that the response and the event carry the very same text.</summary>
    static IResult Json(string json) => Results.Content(json, "application/json", Encoding.UTF8);
}
