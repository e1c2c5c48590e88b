using Marketplace.Api.Errors;
using Marketplace.Payments.PaymentMethods;

namespace Marketplace.Payments.PaymentIntents;

/// <summary>
/// Stripe's <c>last_payment_error</c>: why the latest attempt failed, with the payment method it failed with (the
/// intent itself lets go of that method). The confirm that started the attempt answers with the same error.
/// </summary>
public sealed record PaymentError(string Type, string Code, string Message)
{
    public string? AdviceCode { get; init; }

    public string? Charge { get; init; }

    public string? DeclineCode { get; init; }

    public string? DocUrl { get; init; }

    public string? NetworkDeclineCode { get; init; }

    public string? Param { get; init; }

    public PaymentMethod? PaymentMethod { get; init; }

    public static PaymentError CardError(string code, string? declineCode, string message, string chargeId, PaymentMethod? method) =>
        new(StripeErrorType.CardError, code, message)
        {
            Charge = chargeId,
            DeclineCode = declineCode,
            DocUrl = StripeError.DocUrlFor(code),
            PaymentMethod = method,
        };
}
