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

namespace Marketplace.Ledger.Transfers;

/// <summary>
/// <c>/v1/transfers/{id}/reversals</c>: the platform takes back all or part of a transfer (<see cref="TransferReverser"/>).
/// </summary>
public static class TransferReversalsApi
{
    public static IEndpointRouteBuilder MapTransferReversalsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/transfers/{transfer}/reversals").WithTags("transfers");
        group.MapPost("", CreateAsync).WithSummary("Reverse all or part of a transfer").WithParameters(
            new FormParameter("amount", "In the currency's minor unit; the whole remaining amount by default."),
            new FormParameter("description", "Shown on the platform's balance transaction."),
            new FormParameter("metadata", "Key-value pairs."));
        group.MapGet("", ListAsync).WithSummary("List a transfer's reversals, newest first");
        group.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a transfer reversal");
        group.MapPost("/{id}", UpdateAsync).WithSummary("Update a transfer reversal's metadata").WithParameters(
            new FormParameter("metadata", "Key-value pairs."));
        return endpoints;
    }

    static async Task<IResult> CreateAsync(
        string transfer, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, TransferReverser reverser, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var amount = parameters.GetLong("amount", 1, long.MaxValue);
        var description = parameters.GetString("description", 1000);
        var metadata = MetadataUpdate.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (!metadata.TryApply(new Dictionary<string, string>(), out var merged, out var metadataError))
        {
            return metadataError.ToResult();
        }

        var cause = context.IdempotencyKey is { } key ? $"transfer_reversal:{context.PlatformId}:key:{key}" : $"transfer_reversal:{PrefixedId.New("trr")}";
        var result = await reverser.ReverseAsync(
            context.PlatformId, transfer, amount, cause, new TransferReversalDetails(description, JsonSerializer.Serialize(merged), null), cancellationToken);
        if (result is not RemainingAmountResult.Made made)
        {
            return (result switch
            {
                RemainingAmountResult.Exhausted => StripeError.InvalidRequest($"Transfer {transfer} has already been fully reversed.", code: "transfer_already_reversed"),
                RemainingAmountResult.Exceeds exceeds => StripeError.InvalidRequest(
                    $"Reversal amount ({amount}) is greater than the transfer's remaining amount ({exceeds.Remaining}).", "amount"),
                _ => StripeError.ResourceMissing("transfer", transfer),
            }).ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var reversal = await connection.QuerySingleAsync<TransferReversalRow>(new CommandDefinition(
            $"SELECT {TransferReversalRow.Columns} FROM transfer_reversals WHERE id = @reversalId", new { reversalId = made.Source }, cancellationToken: cancellationToken));
        return StripeJson.Result(reversal.ToObject());
    }

    static async Task<IResult> RetrieveAsync(
        string transfer, string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await FindAsync(connection, null, transfer, id, context, cancellationToken) is { } row
            ? StripeJson.Result(row.ToObject())
            : StripeError.ResourceMissing("transfer_reversal", id).ToResult();
    }

    static async Task<IResult> UpdateAsync(
        string transfer, string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var metadata = MetadataUpdate.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await FindAsync(connection, transaction, transfer, id, context, cancellationToken) is not { } row)
        {
            return StripeError.ResourceMissing("transfer_reversal", id).ToResult();
        }

        if (!metadata.TryApply(row.ToObject().Metadata, out var merged, out var metadataError))
        {
            return metadataError.ToResult();
        }

        var updated = await connection.QuerySingleAsync<TransferReversalRow>(new CommandDefinition(
            $"UPDATE transfer_reversals SET metadata = @metadata::jsonb WHERE id = @id RETURNING {TransferReversalRow.Columns}",
            new { id, metadata = JsonSerializer.Serialize(merged) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(updated.ToObject());
    }

    static async Task<IResult> ListAsync(
        string transfer, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM transfers WHERE id = @transfer AND platform_id = @platform)",
            new { transfer, platform = context.PlatformId }, cancellationToken: cancellationToken)))
        {
            return StripeError.ResourceMissing("transfer", transfer).ToResult();
        }

        var page = query.ToSql();
        var arguments = new DynamicParameters(page.Parameters);
        arguments.AddDynamicParams(new { transfer });
        var rows = await connection.QueryAsync<TransferReversalRow>(new CommandDefinition(
            $"""
            SELECT {TransferReversalRow.Columns} FROM transfer_reversals
            WHERE transfer_id = @transfer AND {page.Where}
            ORDER BY {page.OrderBy} LIMIT @limit
            """, arguments, cancellationToken: cancellationToken));
        return StripeJson.Result(query.ToPage(rows.Select(r => r.ToObject()).ToList(), $"/v1/transfers/{transfer}/reversals"));
    }

    static Task<TransferReversalRow?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string transfer, string id, RequestContext context, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<TransferReversalRow>(new CommandDefinition(
            $"""
            SELECT {TransferReversalRow.Columns} FROM transfer_reversals
            WHERE id = @id AND transfer_id = @transfer
              AND EXISTS (SELECT 1 FROM transfers t WHERE t.id = transfer_reversals.transfer_id AND t.platform_id = @platform)
            {(transaction is null ? "" : "FOR UPDATE")}
            """, new { id, transfer, platform = context.PlatformId }, transaction, cancellationToken: cancellationToken));
}
