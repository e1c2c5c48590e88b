namespace Marketplace.Api.Errors;

/// <summary>The values of <c>error.type</c>. Authentication, permission and rate-limit failures are
/// <c>invalid_request_error</c> told apart by their status code, as Stripe does.</summary>
public static class StripeErrorType
{
    public const string ApiError = "api_error";
    public const string CardError = "card_error";
    public const string IdempotencyError = "idempotency_error";
    public const string InvalidRequestError = "invalid_request_error";
}
