using System.Text.Json.Serialization;
using Marketplace.Api.Errors;
using Marketplace.Payments.PaymentMethods;
using Marketplace.Payments.Processor;

namespace Marketplace.Payments.SetupIntents;

/// <summary>
/// Stripe's <c>last_setup_error</c>: the error object of the attempt that failed, with the payment method it failed
/// with (the intent's own <c>payment_method</c> is cleared). Fields that do not apply are left out, as in Stripe's errors.
/// </summary>
public sealed record SetupError
{
    /// <summary>Stripe's code for a failed 3D Secure or bank authentication of a setup.</summary>
    public const string AuthenticationFailure = "setup_intent_authentication_failure";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Code { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DeclineCode { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DocUrl { get; init; }

    public required string Message { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PaymentMethod? PaymentMethod { get; init; }

    public required string Type { get; init; }

    public static SetupError Declined(CardDecline decline, PaymentMethod method) => new()
    {
        Code = decline.Code,
        DeclineCode = decline.DeclineCode,
        DocUrl = StripeError.Card(decline.Message, decline.Code).DocUrl,
        Message = decline.Message,
        PaymentMethod = method,
        Type = StripeErrorType.CardError,
    };

    public static SetupError AuthenticationFailed(PaymentMethod method) => new()
    {
        Code = AuthenticationFailure,
        DocUrl = StripeError.InvalidRequest("", code: AuthenticationFailure).DocUrl,
        Message = "The latest attempt to set up the payment method has failed because authentication failed.",
        PaymentMethod = method,
        Type = StripeErrorType.InvalidRequestError,
    };

    /// <summary>The same failure as the error a confirm request answers with (HTTP 402 for a card, 400 otherwise).</summary>
    public StripeError ToStripeError(object setupIntent) =>
        (Type == StripeErrorType.CardError
            ? StripeError.Card(Message, Code!, DeclineCode)
            : StripeError.InvalidRequest(Message, code: Code)) with { PaymentMethod = PaymentMethod, SetupIntent = setupIntent };
}
