using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Errors;

/// <summary>
/// Stripe's error object as a value: endpoints return it rather than throw it, and the edge writes it with
/// <see cref="ToResult"/>. Null members are left out of the JSON, as Stripe leaves out what does not apply.
/// </summary>
public sealed record StripeError(int StatusCode, string Type, string Message)
{
    public string? Code { get; init; }
    public string? DeclineCode { get; init; }
    public string? Param { get; init; }
    public string? DocUrl { get; init; }
    public string? RequestLogUrl { get; init; }
    public string? AdviceCode { get; init; }
    public string? NetworkDeclineCode { get; init; }
    public string? Charge { get; init; }

    /// <summary>The payment intent, setup intent or payment method the failure concerns, rendered as its API object.</summary>
    public object? PaymentIntent { get; init; }
    public object? SetupIntent { get; init; }
    public object? PaymentMethod { get; init; }

    public IResult ToResult() => new StripeErrorResult(this);

    public static StripeError InvalidRequest(string message, string? param = null, string? code = null) =>
        new(StatusCodes.Status400BadRequest, StripeErrorType.InvalidRequestError, message) { Param = param, Code = code, DocUrl = DocUrlFor(code) };

    public static StripeError ResourceMissing(string objectName, string id, string param = "id") =>
        new(StatusCodes.Status404NotFound, StripeErrorType.InvalidRequestError, $"No such {objectName}: '{id}'")
        {
            Param = param,
            Code = StripeErrorCode.ResourceMissing,
            DocUrl = DocUrlFor(StripeErrorCode.ResourceMissing),
        };

    public static StripeError UnrecognizedUrl(string method, string path) =>
        new(StatusCodes.Status404NotFound, StripeErrorType.InvalidRequestError, $"Unrecognized request URL ({method}: {path}).");

    public static StripeError Card(string message, string code, string? declineCode = null, string? param = null) =>
        new(StatusCodes.Status402PaymentRequired, StripeErrorType.CardError, message)
        {
            Code = code,
            DeclineCode = declineCode,
            Param = param,
            DocUrl = DocUrlFor(code),
        };

    /// <summary>The same idempotency key was sent with different parameters, or for a different endpoint.</summary>
    public static StripeError IdempotencyMismatch(string message) =>
        new(StatusCodes.Status400BadRequest, StripeErrorType.IdempotencyError, message);

    /// <summary>A request with the same idempotency key is still being processed; SDKs retry a 409.</summary>
    public static StripeError IdempotencyConflict(string message) =>
        new(StatusCodes.Status409Conflict, StripeErrorType.IdempotencyError, message);

    public static StripeError Authentication(string message, string? code = null) =>
        new(StatusCodes.Status401Unauthorized, StripeErrorType.InvalidRequestError, message) { Code = code, DocUrl = DocUrlFor(code) };

    public static StripeError Permission(string message, string? code = null) =>
        new(StatusCodes.Status403Forbidden, StripeErrorType.InvalidRequestError, message) { Code = code, DocUrl = DocUrlFor(code) };

    /// <summary>Another request is changing the same object (Stripe's <c>lock_timeout</c>); SDKs retry a 409.</summary>
    public static StripeError Conflict(string message) =>
        new(StatusCodes.Status409Conflict, StripeErrorType.InvalidRequestError, message)
        {
            Code = StripeErrorCode.LockTimeout,
            DocUrl = DocUrlFor(StripeErrorCode.LockTimeout),
        };

    public static StripeError RateLimited() =>
        new(StatusCodes.Status429TooManyRequests, StripeErrorType.InvalidRequestError,
            "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.")
        {
            Code = StripeErrorCode.RateLimit,
            DocUrl = DocUrlFor(StripeErrorCode.RateLimit),
        };

    /// <summary>An unexpected failure on our side; the message says nothing about the cause on purpose.</summary>
    public static StripeError Api(string message = "An unknown error occurred") =>
        new(StatusCodes.Status500InternalServerError, StripeErrorType.ApiError, message);

    /// <summary>Stripe documents every error code at one address per code; SDK users follow <c>doc_url</c> there.</summary>
    public static string? DocUrlFor(string? code) =>
        code is null ? null : "https://stripe.com/docs/error-codes/" + code.Replace('_', '-');
}
