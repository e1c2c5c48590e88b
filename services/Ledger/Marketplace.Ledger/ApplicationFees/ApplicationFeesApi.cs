using Dapper;
using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Npgsql;

namespace Marketplace.Ledger.ApplicationFees;

/// <summary>
/// <c>/v1/application_fees</c>: the fees the acting account collected as a platform on its connected accounts' charges
/// (a connected account acting through <c>Stripe-Account</c> has collected none). They are created by the charges'
/// postings, never through the API.
/// </summary>
public static class ApplicationFeesApi
{
    const string ListUrl = "/v1/application_fees";

    public static IEndpointRouteBuilder MapApplicationFeesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(ListUrl).WithTags("application_fees");
        group.MapGet("", ListAsync).WithSummary("List application fees, newest first (charge, created)");
        group.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve an application fee");
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
        return await FindAsync(connection, null, id, context, cancellationToken) is { } row
            ? StripeJson.Result((await RenderAsync(connection, [row], cancellationToken))[0])
            : StripeError.ResourceMissing("application_fee", id).ToResult();
    }

    static async Task<IResult> ListAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        var charge = parameters.GetString("charge");
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        var page = query.ToSql();
        var arguments = new DynamicParameters(page.Parameters);
        arguments.AddDynamicParams(new { platform = context.AccountId, charge });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApplicationFeeRow>(new CommandDefinition(
            $"""
            SELECT {ApplicationFeeRow.Columns} FROM application_fees
            WHERE platform_id = @platform AND (@charge::text IS NULL OR charge = @charge) AND {page.Where}
            ORDER BY {page.OrderBy} LIMIT @limit
            """, arguments, cancellationToken: cancellationToken));
        return StripeJson.Result(query.ToPage(await RenderAsync(connection, rows.ToList(), cancellationToken), ListUrl));
    }

    /// <summary>The fee <paramref name="id"/> if the acting account collected it; locked when in a transaction.</summary>
    internal static Task<ApplicationFeeRow?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string id, RequestContext context, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ApplicationFeeRow>(new CommandDefinition(
            $"SELECT {ApplicationFeeRow.Columns} FROM application_fees WHERE id = @id AND platform_id = @platform",
            new { id, platform = context.AccountId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The fees as objects, each with its newest refunds (one query for all of them).</summary>
    static async Task<List<ApplicationFee>> RenderAsync(NpgsqlConnection connection, IReadOnlyList<ApplicationFeeRow> rows, CancellationToken cancellationToken)
    {
        var refunds = (await connection.QueryAsync<FeeRefundRow>(new CommandDefinition(
            $"""
            SELECT {FeeRefundRow.Columns} FROM fee_refunds
            WHERE fee = ANY(@ids) ORDER BY id COLLATE "C" DESC
            """, new { ids = rows.Select(r => r.Id).ToArray() }, cancellationToken: cancellationToken))).ToLookup(r => r.Fee);
        return rows.Select(r => r.ToObject([.. refunds[r.Id].Take(ApplicationFeeRow.EmbeddedRefunds + 1).Select(v => v.ToObject())])).ToList();
    }
}
