using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Marketplace.Fraud.Objects;
using Marketplace.Messaging.Outbox;
using Npgsql;

namespace Marketplace.Fraud.Reviews;

/// <summary>Stripe's <c>/v1/reviews</c>: retrieve, list the open ones, and approve (which closes a review and raises <c>review.closed</c>).</summary>
public static class ReviewsApi
{
    const string ObjectName = "review";
    const string ListUrl = "/v1/reviews";

    static readonly FormParameter[] ListParameters =
    [
        new("limit", "1 to 100, default 10."),
        new("starting_after", "A review id: the page after it."),
        new("ending_before", "A review id: the page before it."),
        new("created", "A Unix time, or created[gt|gte|lt|lte]."),
    ];

    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder endpoints)
    {
        var reviews = endpoints.MapGroup(ListUrl).WithTags("reviews");
        reviews.MapGet("", ListAsync).WithSummary("List open reviews, newest first").WithParameters(ListParameters);
        reviews.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a review");
        reviews.MapPost("/{id}/approve", ApproveAsync).WithSummary("Approve a review, closing it as approved");
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
        return await ReviewStore.FindAsync(connection, context.PlatformId, context.AccountId, id, cancellationToken) is { } row
            ? StripeJson.Result(row.ToReview())
            : StripeError.ResourceMissing(ObjectName, id).ToResult();
    }

    static async Task<IResult> ApproveAsync(string id, HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await ReviewStore.LockAsync(transaction, context.PlatformId, context.AccountId, id, cancellationToken) is not { } row)
        {
            return StripeError.ResourceMissing(ObjectName, id).ToResult();
        }

        if (!row.Open)
        {
            return StripeError.InvalidRequest($"This review is already closed ({row.ClosedReason}).", "review").ToResult();
        }

        await ReviewStore.CloseAsync(transaction, id, "approved", cancellationToken);
        var approved = (row with { Open = false, ClosedReason = "approved", Reason = "approved" }).ToReview();
        await transaction.PublishAsync(FraudApiEvents.Create(FraudApiEvents.ReviewClosed, context.PlatformId, row.AccountId,
            StripeJson.Serialize(approved), context.RequestId, context.IdempotencyKey), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StripeJson.Result(approved);
    }

    static async Task<IResult> ListAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var query = ListQuery.Read(parameters);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (query.Cursor is { } cursor && !await ReviewStore.ExistsAsync(connection, context.PlatformId, context.AccountId, cursor, cancellationToken))
        {
            return StripeError.ResourceMissing(ObjectName, cursor, query.Direction == ListDirection.Older ? "starting_after" : "ending_before").ToResult();
        }

        var rows = await ReviewStore.ListAsync(connection, context.PlatformId, context.AccountId, query.ToSql(), cancellationToken);
        return StripeJson.Result(query.ToPage(rows, ListUrl));
    }
}
