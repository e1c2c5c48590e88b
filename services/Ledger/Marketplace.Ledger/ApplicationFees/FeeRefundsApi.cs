using System.Text.Json;
using Dapper;
using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Metadata;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using Npgsql;

namespace Marketplace.Ledger.ApplicationFees;

/// <summary>
/// <c>/v1/application_fees/{id}/refunds</c>: the platform gives back all or part of a fee it collected. A refund's row,
/// and the fee's <c>amount_refunded</c>, commit with its posting; concurrent refunds never give back more than the fee
/// (<see cref="RemainingAmount"/>).
/// </summary>
public static class FeeRefundsApi
{
    public static IEndpointRouteBuilder MapFeeRefundsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/application_fees/{fee}/refunds").WithTags("application_fees");
        group.MapPost("", CreateAsync).WithSummary("Refund all or part of an application fee").WithParameters(
            new FormParameter("amount", "In the currency's minor unit; the whole remaining fee by default."),
            new FormParameter("metadata", "Key-value pairs."));
        group.MapGet("", ListAsync).WithSummary("List an application fee's refunds, newest first");
        group.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve an application fee refund");
        group.MapPost("/{id}", UpdateAsync).WithSummary("Update an application fee refund's metadata").WithParameters(
            new FormParameter("metadata", "Key-value pairs."));
        return endpoints;
    }

    static async Task<IResult> CreateAsync(
        string fee, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, JournalWriter journal, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var amount = parameters.GetLong("amount", 1, long.MaxValue);
        var metadata = MetadataUpdate.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (!metadata.TryApply(new Dictionary<string, string>(), out var merged, out var metadataError))
        {
            return metadataError.ToResult();
        }

        var refundId = PrefixedId.New("fr");
        var cause = context.IdempotencyKey is { } key ? $"fee_refund:{context.PlatformId}:key:{key}" : $"fee_refund:{refundId}";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        ApplicationFeeRow? row = null;
        var result = await RemainingAmount.PostReturnAsync(
            connection, journal, fee, cause,
            async serialized => (row = await ApplicationFeesApi.FindAsync(connection, serialized, fee, context, cancellationToken)) is { } found
                ? found.Amount - found.AmountRefunded
                : null,
            amount,
            refunded =>
            {
                var posting = ApplicationFeeRules.Refunded(refundId, row!.PlatformId, row.Account, refunded, row.Currency, cause, time.GetUtcNow());
                return posting with { Rows = ApplicationFeeRecord.Refunded(refundId, fee, row.PlatformId, posting, JsonSerializer.Serialize(merged)) };
            },
            cancellationToken);
        switch (result)
        {
            case RemainingAmountResult.Missing:
                return StripeError.ResourceMissing("application_fee", fee).ToResult();
            case RemainingAmountResult.Exhausted:
                return StripeError.InvalidRequest($"Application fee {fee} has already been refunded.", code: "charge_already_refunded").ToResult();
            case RemainingAmountResult.Exceeds exceeds:
                return StripeError.InvalidRequest(
                    $"Refund amount ({amount}) is greater than the application fee's remaining amount ({exceeds.Remaining}).", "amount").ToResult();
            case RemainingAmountResult.Made made:
                refundId = made.Source;
                break;
        }

        var refund = await connection.QuerySingleAsync<FeeRefundRow>(new CommandDefinition(
            $"SELECT {FeeRefundRow.Columns} FROM fee_refunds WHERE id = @refundId", new { refundId }, cancellationToken: cancellationToken));
        return StripeJson.Result(refund.ToObject());
    }

    static async Task<IResult> RetrieveAsync(
        string fee, string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await FindAsync(connection, null, fee, id, context, cancellationToken) is { } row
            ? StripeJson.Result(row.ToObject())
            : StripeError.ResourceMissing("fee_refund", id).ToResult();
    }

    static async Task<IResult> UpdateAsync(
        string fee, string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var metadata = MetadataUpdate.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await FindAsync(connection, transaction, fee, id, context, cancellationToken) is not { } row)
        {
            return StripeError.ResourceMissing("fee_refund", id).ToResult();
        }

        if (!metadata.TryApply(row.ToObject().Metadata, out var merged, out var metadataError))
        {
            return metadataError.ToResult();
        }

        var updated = await connection.QuerySingleAsync<FeeRefundRow>(new CommandDefinition(
            $"UPDATE fee_refunds SET metadata = @metadata::jsonb WHERE id = @id RETURNING {FeeRefundRow.Columns}",
            new { id, metadata = JsonSerializer.Serialize(merged) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(updated.ToObject());
    }

    static async Task<IResult> ListAsync(
        string fee, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await ApplicationFeesApi.FindAsync(connection, null, fee, context, cancellationToken) is null)
        {
            return StripeError.ResourceMissing("application_fee", fee).ToResult();
        }

        var page = query.ToSql();
        var arguments = new DynamicParameters(page.Parameters);
        arguments.AddDynamicParams(new { fee });
        var rows = await connection.QueryAsync<FeeRefundRow>(new CommandDefinition(
            $"""
            SELECT {FeeRefundRow.Columns} FROM fee_refunds
            WHERE fee = @fee AND {page.Where}
            ORDER BY {page.OrderBy} LIMIT @limit
            """, arguments, cancellationToken: cancellationToken));
        return StripeJson.Result(query.ToPage(rows.Select(r => r.ToObject()).ToList(), $"/v1/application_fees/{fee}/refunds"));
    }

    static Task<FeeRefundRow?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string fee, string id, RequestContext context, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<FeeRefundRow>(new CommandDefinition(
            $"""
            SELECT {FeeRefundRow.Columns} FROM fee_refunds
            WHERE id = @id AND fee = @fee
              AND EXISTS (SELECT 1 FROM application_fees f WHERE f.id = fee_refunds.fee AND f.platform_id = @platform)
            {(transaction is null ? "" : "FOR UPDATE")}
            """, new { id, fee, platform = context.AccountId }, transaction, cancellationToken: cancellationToken));
}
