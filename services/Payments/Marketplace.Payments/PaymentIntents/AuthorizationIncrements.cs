using System.Text.Json;
using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Api.Money;
using Marketplace.Api.Objects;
using Marketplace.Payments.Charges;
using Marketplace.Payments.Events;
using Marketplace.Payments.Processor;
using Npgsql;

namespace Marketplace.Payments.PaymentIntents;

/// <summary>
/// Raises an authorised, uncaptured card payment to a new total, when its confirm asked for incremental authorisation
/// and the issuer offered it (<c>payment_method_details.card.incremental_authorization.status</c> = <c>available</c>).
/// The acquirer is asked first; only its approval changes the intent and the charge, in the request's transaction, so
/// a refused increment leaves the payment capturable for what was authorised before.
/// </summary>
internal static class AuthorizationIncrements
{
    public sealed record Incremented(PaymentIntentRow? Intent, StripeError? Error);

    public static async Task<Incremented> IncrementAsync(
        NpgsqlTransaction transaction, RequestContext context, PaymentIntentRow intent, AuthorizationIncrement increment, IAcquirer acquirer,
        CancellationToken cancellationToken)
    {
        if (intent.Status != PaymentIntentStatuses.RequiresCapture)
        {
            return new(null, PaymentAttempts.UnexpectedState(
                $"This PaymentIntent's authorization could not be incremented because it has a status of {intent.Status}. Only a PaymentIntent with "
                + "one of the following statuses may be incremented: requires_capture.", intent));
        }

        var charge = (await ChargeStore.LockAsync(transaction, intent.AccountId, intent.LatestCharge!, cancellationToken))!;
        var details = JsonSerializer.Deserialize<ChargePaymentMethodDetails>(charge.PaymentMethodDetails!, StripeJson.Options)!;
        if (details.Card is not { IncrementalAuthorization.Status: "available" } card)
        {
            return new(null, PaymentAttempts.UnexpectedState(
                "This PaymentIntent is not eligible for incremental authorization: confirm a card payment with capture_method=manual and "
                + "payment_method_options[card][request_incremental_authorization]=if_available.", intent));
        }

        if (Check(context, intent, increment) is { } invalid)
        {
            return new(null, invalid);
        }

        var current = JsonSerializer.Deserialize<Dictionary<string, string>>(intent.Metadata, StripeJson.Options)!;
        if (!increment.Metadata.TryApply(current, out var metadata, out var invalidMetadata))
        {
            return new(null, invalidMetadata);
        }

        if (await acquirer.IncrementAsync(charge.AuthorizationId!, increment.Amount, cancellationToken) is { Failure: { } refused })
        {
            return new(null, StripeError.Card(refused.Message, refused.Code, refused.DeclineCode) with { PaymentIntent = intent.ToPaymentIntent() });
        }

        var incremented = intent with
        {
            Amount = increment.Amount,
            AmountCapturable = increment.Amount,
            ApplicationFeeAmount = increment.ApplicationFeeAmount ?? intent.ApplicationFeeAmount,
            TransferAmount = increment.TransferAmount ?? intent.TransferAmount,
            Description = increment.Description ?? intent.Description,
            Metadata = StripeJson.Serialize(metadata),
        };
        await ChargeStore.IncrementedAsync(transaction, charge.Id, increment.Amount,
            StripeJson.Serialize(details with { Card = card with { AmountAuthorized = increment.Amount } }), incremented.ApplicationFeeAmount,
            incremented.TransferAmount, cancellationToken);
        await PaymentIntentStore.UpdateAsync(transaction, incremented, cancellationToken);
        await ObjectEvents.PublishAsync(transaction, PaymentIntentEvents.AmountCapturableUpdated, intent.PlatformId, intent.AccountId,
            incremented.ToPaymentIntent(), context.RequestId, context.IdempotencyKey, cancellationToken);
        return new(incremented, null);
    }

    static StripeError? Check(RequestContext context, PaymentIntentRow intent, AuthorizationIncrement increment)
    {
        if (increment.Amount <= intent.Amount)
        {
            return StripeError.InvalidRequest(
                $"The amount must be greater than the PaymentIntent's current amount ({intent.Amount}): it is the new total to authorize.", "amount");
        }

        if (ChargeAmounts.Check(increment.Amount, intent.Currency) is { } invalid)
        {
            return invalid;
        }

        if (increment.ApplicationFeeAmount is not null && intent.Destination is null && !context.IsConnectedAccount)
        {
            return StripeError.InvalidRequest(
                "Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) "
                + "or destination payment (using `transfer_data[destination]`).", "application_fee_amount");
        }

        if ((increment.ApplicationFeeAmount ?? intent.ApplicationFeeAmount) > increment.Amount)
        {
            return StripeError.InvalidRequest("The application fee amount cannot be greater than the amount of the PaymentIntent.", "application_fee_amount");
        }

        if (increment.TransferAmount is not null && intent.Destination is null)
        {
            return StripeError.InvalidRequest("transfer_data[amount] can only be set on a destination charge (with transfer_data[destination]).",
                "transfer_data[amount]");
        }

        return increment.TransferAmount > increment.Amount
            ? StripeError.InvalidRequest("The transfer amount cannot be greater than the amount of the PaymentIntent.", "transfer_data[amount]")
            : null;
    }
}
