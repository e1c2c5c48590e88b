using Marketplace.Api.Errors;

namespace Marketplace.Gateway.Idempotency;

/// <summary>Stripe's words for the ways an idempotency key can be refused.</summary>
public static class IdempotencyErrors
{
    public const int MaxKeyLength = 255;

    public static StripeError Mismatch(string key) => StripeError.IdempotencyMismatch(
        $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.");

    public static StripeError InFlight(string key) => StripeError.IdempotencyConflict(
        $"There is currently another in-progress request using this Idempotency-Key ('{key}'). Please try again later.") with
    {
        Code = "idempotency_key_in_use",
    };

    public static StripeError KeyTooLong() => StripeError.InvalidRequest(
        $"Invalid Idempotency-Key: it must be at most {MaxKeyLength} characters long.");

    public static StripeError BodyTooLarge() => new(StatusCodes.Status413PayloadTooLarge, StripeErrorType.InvalidRequestError,
        "The request body is too large.");
}
