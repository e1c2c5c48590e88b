using System.Text.Json;
using Dapper;
using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Metadata;
using Marketplace.Api.Money;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Messaging.Outbox;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Ledger.Topups;

/// <summary>
/// <c>/v1/topups</c>: a platform funds its balance from its bank — so that it can pay sellers before its buyers pay,
/// the B2B case of payment terms. A top-up is created <c>pending</c>; the simulated bank rail settles it a moment
/// later (<see cref="SettleTopupConsumer"/>). Top-ups belong to the platform: not through <c>Stripe-Account</c>.
/// </summary>
public static class TopupsApi
{
    const string ListUrl = "/v1/topups";

    public static IEndpointRouteBuilder MapTopupsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(ListUrl).WithTags("topups");
        group.MapPost("", CreateAsync).WithSummary("Top up the platform's balance from its bank").WithParameters(
            new FormParameter("amount", "In the currency's minor unit.", Required: true),
            new FormParameter("currency", "Three-letter ISO code, lowercase.", Required: true),
            new FormParameter("description", "An arbitrary string."),
            new FormParameter("metadata", "Key-value pairs."),
            new FormParameter("statement_descriptor", "Up to 15 characters on the bank statement."),
            new FormParameter("transfer_group", "Groups the top-up with the transfers it funds."));
        group.MapGet("", ListAsync).WithSummary("List top-ups, newest first (status, created)");
        group.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a top-up");
        group.MapPost("/{id}", UpdateAsync).WithSummary("Update a top-up's description or metadata");
        group.MapPost("/{id}/cancel", CancelAsync).WithSummary("Cancel a pending top-up");
        return endpoints;
    }

    static async Task<IResult> CreateAsync(
        HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, IOptions<TopupOptions> options, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var amount = parameters.GetRequiredLong("amount", 1, ChargeAmounts.Maximum);
        var currency = Currencies.ReadRequired(parameters);

        var description = parameters.GetString("description", 1000);
        var statementDescriptor = parameters.GetString("statement_descriptor", 15);
        var transferGroup = parameters.GetString("transfer_group");
        var metadata = MetadataUpdate.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (context.IsConnectedAccount)
        {
            return PlatformOnly();
        }

        if (!metadata.TryApply(new Dictionary<string, string>(), out var merged, out var metadataError))
        {
            return metadataError.ToResult();
        }

        var now = DateTimeOffset.UtcNow;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TopupRow>(new CommandDefinition(
            $"""
            INSERT INTO topups (id, account_id, amount, currency, description, metadata, statement_descriptor, transfer_group,
                status, expected_availability_date, idempotency_key)
            VALUES (@id, @account, @amount, @currency, @description, @metadata::jsonb, @statementDescriptor, @transferGroup,
                'pending', @expected, @idempotencyKey)
            ON CONFLICT (account_id, idempotency_key) DO NOTHING
            RETURNING {TopupRow.Columns}
            """,
            new
            {
                id = PrefixedId.New("tu", now),
                account = context.AccountId,
                amount,
                currency,
                description,
                metadata = JsonSerializer.Serialize(merged),
                statementDescriptor,
                transferGroup,
                expected = now + options.Value.SettlementDelay,
                idempotencyKey = context.IdempotencyKey,
            }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            // The same create, retried: the top-up it made the first time.
            var first = await connection.QuerySingleAsync<TopupRow>(new CommandDefinition(
                $"SELECT {TopupRow.Columns} FROM topups WHERE account_id = @account AND idempotency_key = @key",
                new { account = context.AccountId, key = context.IdempotencyKey }, transaction, cancellationToken: cancellationToken));
            return StripeJson.Result(first.ToObject());
        }

        var topup = row.ToObject();
        await transaction.ScheduleSendAsync(SettleTopup.Address, new SettleTopup { TopupId = topup.Id }, now + options.Value.SettlementDelay, cancellationToken);
        await TopupEvents.PublishAsync(transaction, "topup.created", topup, context.PlatformId, context.RequestId, context.IdempotencyKey, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(topup);
    }

    static async Task<IResult> RetrieveAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await FindAsync(connection, null, id, context, forUpdate: false, cancellationToken) is { } row
            ? StripeJson.Result(row.ToObject())
            : Missing(id);
    }

    static async Task<IResult> ListAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        var status = parameters.GetString("status");
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        var page = query.ToSql();
        var arguments = new DynamicParameters(page.Parameters);
        arguments.AddDynamicParams(new { account = context.AccountId, status });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TopupRow>(new CommandDefinition(
            $"""
            SELECT {TopupRow.Columns} FROM topups
            WHERE account_id = @account AND (@status::text IS NULL OR status = @status) AND {page.Where}
            ORDER BY {page.OrderBy} LIMIT @limit
            """, arguments, cancellationToken: cancellationToken));
        return StripeJson.Result(query.ToPage(rows.Select(r => r.ToObject()).ToList(), ListUrl));
    }

    static async Task<IResult> UpdateAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var clearDescription = parameters.Unset("description");
        var description = parameters.GetString("description", 1000);
        var metadata = MetadataUpdate.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await FindAsync(connection, transaction, id, context, forUpdate: true, cancellationToken) is not { } row)
        {
            return Missing(id);
        }

        var current = row.ToObject();
        if (!metadata.TryApply(current.Metadata, out var merged, out var metadataError))
        {
            return metadataError.ToResult();
        }

        var updated = await connection.QuerySingleAsync<TopupRow>(new CommandDefinition(
            $"""
            UPDATE topups SET description = @description, metadata = @metadata::jsonb WHERE id = @id
            RETURNING {TopupRow.Columns}
            """,
            new { id, description = clearDescription ? null : description ?? current.Description, metadata = JsonSerializer.Serialize(merged) },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(updated.ToObject());
    }

    static async Task<IResult> CancelAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await FindAsync(connection, transaction, id, context, forUpdate: true, cancellationToken) is not { } row)
        {
            return Missing(id);
        }

        // A settlement that journaled the money and then failed before marking the top-up leaves it pending; its
        // redelivery will mark it succeeded. Canceling it now would keep the money and show it canceled.
        var settling = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM journal_transactions WHERE cause = @cause)",
            new { cause = SettleTopup.Cause(id) }, transaction, cancellationToken: cancellationToken));
        if (row.Status != "pending" || settling)
        {
            return StripeError.InvalidRequest($"This top-up is {(settling ? "being settled" : row.Status)} and can no longer be canceled.", code: "topup_not_cancelable").ToResult();
        }

        var canceled = await connection.QuerySingleAsync<TopupRow>(new CommandDefinition(
            $"UPDATE topups SET status = 'canceled' WHERE id = @id RETURNING {TopupRow.Columns}", new { id }, transaction, cancellationToken: cancellationToken));
        var topup = canceled.ToObject();
        await TopupEvents.PublishAsync(transaction, "topup.canceled", topup, context.PlatformId, context.RequestId, context.IdempotencyKey, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(topup);
    }

    static Task<TopupRow?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string id, RequestContext context, bool forUpdate, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<TopupRow>(new CommandDefinition(
            $"SELECT {TopupRow.Columns} FROM topups WHERE id = @id AND account_id = @account{(forUpdate ? " FOR UPDATE" : "")}",
            new { id, account = context.AccountId }, transaction, cancellationToken: cancellationToken));

    static IResult Missing(string id) => StripeError.ResourceMissing("topup", id).ToResult();

    static IResult PlatformOnly() =>
        StripeError.InvalidRequest("Top-ups fund the platform's own balance: they cannot be created on a connected account (Stripe-Account).").ToResult();
}
