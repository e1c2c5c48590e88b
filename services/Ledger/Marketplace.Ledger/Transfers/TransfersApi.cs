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
using Marketplace.Ledger.Journal;
using Marketplace.Ledger.PostingRules;
using Npgsql;

namespace Marketplace.Ledger.Transfers;

/// <summary>
/// <c>/v1/transfers</c>: the platform moves money from its available balance to one of its connected accounts — or,
/// naming a charge as <c>source_transaction</c>, from that charge's funds while they are pending (<see cref="SourceChargeTransfers"/>). The
/// transfer's row commits with its journal posting (a companion row), and the posting's cause is the request's
/// idempotency key when there is one: a create retried with that key finds the posting and answers with its transfer.
/// </summary>
public static class TransfersApi
{
    const string ListUrl = "/v1/transfers";

    public static IEndpointRouteBuilder MapTransfersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(ListUrl).WithTags("transfers");
        group.MapPost("", CreateAsync).WithSummary("Transfer funds to a connected account").WithParameters(
            new FormParameter("amount", "In the currency's minor unit.", Required: true),
            new FormParameter("currency", "Three-letter ISO code, lowercase.", Required: true),
            new FormParameter("destination", "The connected account (acct_…) to receive the funds.", Required: true),
            new FormParameter("description", "An arbitrary string."),
            new FormParameter("metadata", "Key-value pairs."),
            new FormParameter("source_transaction", "The charge the transfer pays out of: it goes ahead while the charge's funds are pending, and its funds become available with the charge's."),
            new FormParameter("transfer_group", "Groups the transfer with its charges."));
        group.MapGet("", ListAsync).WithSummary("List transfers, newest first (destination, transfer_group, created)");
        group.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a transfer");
        return endpoints;
    }

    static async Task<IResult> CreateAsync(
        HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, JournalWriter journal, TimeProvider time, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var amount = parameters.GetRequiredLong("amount", 1, ChargeAmounts.Maximum);
        var currency = Currencies.ReadRequired(parameters);

        var destination = parameters.GetRequiredString("destination", 255);
        var description = parameters.GetString("description", 1000);
        var sourceTransaction = parameters.GetString("source_transaction", 255);
        var transferGroup = parameters.GetString("transfer_group", 255);
        var metadata = MetadataUpdate.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        if (context.IsConnectedAccount)
        {
            return StripeError.InvalidRequest("Transfers move the platform's funds: they cannot be created on a connected account (Stripe-Account).").ToResult();
        }

        if (!metadata.TryApply(new Dictionary<string, string>(), out var merged, out var metadataError))
        {
            return metadataError.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM connected_accounts WHERE id = @destination AND platform_id = @platform)",
            new { destination, platform = context.PlatformId }, cancellationToken: cancellationToken)))
        {
            return StripeError.InvalidRequest($"No such destination: '{destination}'", "destination", StripeErrorCode.ResourceMissing).ToResult();
        }

        var transferId = PrefixedId.New("tr");
        var destinationPayment = PrefixedId.New("py");
        var cause = context.IdempotencyKey is { } key ? $"transfer:{context.PlatformId}:key:{key}" : $"transfer:{transferId}";
        var now = time.GetUtcNow();
        Posting Build(SourceCharge? charge)
        {
            var posting = charge is { Released: false }
                ? MovementRules.TransferFromPending(transferId, destinationPayment, context.PlatformId, destination, amount, currency!, cause,
                    new DateTimeOffset(charge.AvailableOn, TimeSpan.Zero))
                : MovementRules.Transfer(transferId, destinationPayment, context.PlatformId, destination, amount, currency!, cause, now);
            return posting with
            {
                Rows = [TransferRecord.Insert(transferId, context.PlatformId, posting, description, JsonSerializer.Serialize(merged), transferGroup, sourceTransaction)],
            };
        }

        var made = sourceTransaction is null
            ? new SourceChargeTransferResult.Journaled(await journal.PostAsync(Build(null), cancellationToken))
            : await SourceChargeTransfers.PostAsync(connection, journal, context.PlatformId, sourceTransaction, currency!, amount, cause, Build, cancellationToken);
        switch (made)
        {
            case SourceChargeTransferResult.Missing:
                return StripeError.InvalidRequest($"No such charge: '{sourceTransaction}'", "source_transaction", StripeErrorCode.ResourceMissing).ToResult();
            case SourceChargeTransferResult.OtherCurrency other:
                return StripeError.InvalidRequest(
                    $"The currency of source_transaction's balance transaction ({other.Currency}) must be the same as the transfer currency ({currency}).",
                    "currency").ToResult();
            case SourceChargeTransferResult.Exceeds exceeds:
                return StripeError.InvalidRequest(
                    $"The transfer amount ({amount}) exceeds what remains of the source transaction ({exceeds.Remaining}).", "amount", "balance_insufficient").ToResult();
            case SourceChargeTransferResult.Journaled { Result: PostingResult.InsufficientFunds }:
                return StripeError.InvalidRequest("You have insufficient available funds in your balance.", code: "balance_insufficient").ToResult();
            case SourceChargeTransferResult.Journaled { Result: PostingResult.AlreadyPosted already }:
                // The same request again (its key): the transfer the first attempt made, which committed with its posting.
                transferId = await connection.QuerySingleAsync<string>(new CommandDefinition(
                    "SELECT source FROM journal_transactions WHERE id = @id", new { id = already.TransactionId }, cancellationToken: cancellationToken));
                break;
        }

        var row = await connection.QuerySingleAsync<TransferRow>(new CommandDefinition(
            $"SELECT {TransferRow.Columns} FROM transfers WHERE id = @transferId", new { transferId }, cancellationToken: cancellationToken));
        return StripeJson.Result((await RenderAsync(connection, [row], cancellationToken))[0]);
    }

    static async Task<IResult> RetrieveAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TransferRow>(new CommandDefinition(
            $"SELECT {TransferRow.Columns} FROM transfers WHERE id = @id AND platform_id = @platform",
            new { id, platform = context.PlatformId }, cancellationToken: cancellationToken));
        return row is null
            ? StripeError.ResourceMissing("transfer", id).ToResult()
            : StripeJson.Result((await RenderAsync(connection, [row], cancellationToken))[0]);
    }

    static async Task<IResult> ListAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        var destination = parameters.GetString("destination");
        var transferGroup = parameters.GetString("transfer_group");
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        var page = query.ToSql();
        var arguments = new DynamicParameters(page.Parameters);
        arguments.AddDynamicParams(new { platform = context.PlatformId, destination, transferGroup });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TransferRow>(new CommandDefinition(
            $"""
            SELECT {TransferRow.Columns} FROM transfers
            WHERE platform_id = @platform AND (@destination::text IS NULL OR destination = @destination)
              AND (@transferGroup::text IS NULL OR transfer_group = @transferGroup) AND {page.Where}
            ORDER BY {page.OrderBy} LIMIT @limit
            """, arguments, cancellationToken: cancellationToken));
        return StripeJson.Result(query.ToPage(await RenderAsync(connection, rows.ToList(), cancellationToken), ListUrl));
    }

    /// <summary>The transfers as objects, each with its newest reversals (one query for all of them).</summary>
    static async Task<List<Transfer>> RenderAsync(NpgsqlConnection connection, IReadOnlyList<TransferRow> rows, CancellationToken cancellationToken)
    {
        var reversals = (await connection.QueryAsync<TransferReversalRow>(new CommandDefinition(
            $"""
            SELECT {TransferReversalRow.Columns} FROM transfer_reversals
            WHERE transfer_id = ANY(@ids) ORDER BY id COLLATE "C" DESC
            """, new { ids = rows.Select(r => r.Id).ToArray() }, cancellationToken: cancellationToken))).ToLookup(r => r.TransferId);
        return rows.Select(r => r.ToObject([.. reversals[r.Id].Take(TransferRow.EmbeddedReversals + 1).Select(v => v.ToObject())])).ToList();
    }
}
