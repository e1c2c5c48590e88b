using Marketplace.Api.Context;
using Marketplace.Api.Documentation;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;
using Marketplace.Api.Objects;
using Marketplace.Contracts.Fraud;
using Marketplace.Data;
using Marketplace.Fraud.Objects;
using Marketplace.Messaging.Outbox;
using Npgsql;

namespace Marketplace.Fraud.Reviews;

/// <summary>
/// Stripe's <c>/v1/reviews</c>: retrieve, list the open ones, and approve (which closes a review and raises
/// <c>review.closed</c>). Placing a payment in review by hand (reason <c>manual</c>), which Stripe offers only in its
/// dashboard, is <c>POST /v1/reviews</c> with the <c>charge</c>, in Stripe's style.
/// </summary>
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

    static readonly FormParameter[] CreateParameters = [new("charge", "The charge to review: one of the account's payments that Radar let through.", Required: true)];

    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder endpoints)
    {
        var reviews = endpoints.MapGroup(ListUrl).WithTags("reviews");
        reviews.MapPost("", CreateAsync).WithSummary("Place a payment in review by hand (reason manual)").WithParameters(CreateParameters);
        reviews.MapGet("", ListAsync).WithSummary("List open reviews, newest first").WithParameters(ListParameters);
        reviews.MapGet("/{id}", RetrieveAsync).WithSummary("Retrieve a review");
        reviews.MapPost("/{id}/approve", ApproveAsync).WithSummary("Approve a review, closing it as approved");
        return endpoints;
    }

    /// <summary>
    /// Opens a manual review of a charge Radar let through (a blocked one moved no money to review), once per charge:
    /// <c>review.opened</c>, and Payments told to show it on the charge, leave with the review's commit.
    /// </summary>
    static async Task<IResult> CreateAsync(HttpRequest request, RequestContext context, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var parameters = await ParameterReader.ReadAsync(request, cancellationToken);
        var charge = parameters.GetRequiredString("charge", 100);
        if (parameters.Complete() is { } error)
        {
            return error.ToResult();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        switch (await ReviewStore.LockPaymentAsync(transaction, context.PlatformId, context.AccountId, charge, cancellationToken))
        {
            case null:
                return StripeError.ResourceMissing("charge", charge, "charge").ToResult();
            case { Action: "block" }:
                return StripeError.InvalidRequest($"The charge {charge} was blocked: only a payment that went through can be reviewed.", "charge").ToResult();
            case { Reviewed: true }:
                return StripeError.InvalidRequest($"The charge {charge} has already been reviewed.", "charge").ToResult();
            case { } payment:
                var now = DateTimeOffset.UtcNow;
                var row = ReviewRow.Opened(PrefixedId.New("prv", now), context.AccountId, charge, "manual", payment.IpAddress, payment.IpCountry, now);
                await ReviewStore.InsertAsync(transaction, context.PlatformId, payment.AssessmentId, row, cancellationToken);
                var review = row.ToReview();
                await transaction.PublishAsync(FraudApiEvents.Create(FraudApiEvents.ReviewOpened, context.PlatformId, context.AccountId,
                    StripeJson.Serialize(review), context.RequestId, context.IdempotencyKey), cancellationToken);
                await transaction.PublishAsync(
                    new ChargePlacedInReview { PlatformId = context.PlatformId, AccountId = context.AccountId, ChargeId = charge, ReviewId = row.Id },
                    cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return StripeJson.Result(review);
        }
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
