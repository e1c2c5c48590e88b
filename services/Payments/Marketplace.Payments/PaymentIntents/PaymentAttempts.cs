using System.Text.Json;
using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Api.Objects;
using Marketplace.Data;
using Marketplace.Messaging.Outbox;
using Marketplace.Payments.Charges;
using Marketplace.Payments.ConnectedAccounts;
using Marketplace.Payments.Events;
using Marketplace.Payments.Mandates;
using Marketplace.Payments.PaymentMethods;
using Marketplace.Payments.PaymentSaga;
using Npgsql;

namespace Marketplace.Payments.PaymentIntents;

/// <summary>
/// How a request hands a payment intent to the payment saga: a confirm writes the attempt's charge (<c>pending</c>),
/// puts the intent in <c>processing</c> and takes the saga's first step (<see cref="PaymentSagaStart"/>); a capture or
/// a cancel of an authorised intent asks the saga. Each in the request's transaction with its messages (outbox), so
/// that no attempt starts without its saga and none twice.
/// </summary>
internal static class PaymentAttempts
{
    public sealed record Started(string? ChargeId, StripeError? Error);

    public static async Task<Started> StartAsync(
        NpgsqlTransaction transaction, RequestContext context, PaymentIntentRow intent, PaymentMethod? method, ConfirmationFields confirmation,
        PaymentSagaStart sagaStart, CancellationToken cancellationToken)
    {
        if (!PaymentIntentStatuses.Confirmable.Contains(intent.Status))
        {
            return new(null, UnexpectedState(
                $"You cannot confirm this PaymentIntent because it has a status of {intent.Status}. Only a PaymentIntent with one of the following "
                + "statuses may be confirmed: requires_confirmation, requires_payment_method, requires_action.", intent));
        }

        if (method is null)
        {
            return new(null, StripeError.InvalidRequest(
                "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a "
                + "payment method and then confirm it again, or confirm it again directly with a payment method.", null,
                "payment_intent_unexpected_state"));
        }

        if (!intent.PaymentMethodTypes.Contains(method.Type))
        {
            return new(null, StripeError.InvalidRequest(
                $"The PaymentMethod provided ({method.Type}) is not allowed for this PaymentIntent. Please attach a PaymentMethod of one of the "
                + $"following types: {string.Join(", ", intent.PaymentMethodTypes)}. Alternatively, update the allowed payment_method_types for this "
                + "PaymentIntent to include \"" + method.Type + "\".", "payment_method", "payment_intent_incompatible_payment_method"));
        }

        if (method.Customer is { } owner && owner != intent.CustomerId)
        {
            return new(null, StripeError.InvalidRequest(
                $"The provided PaymentMethod belongs to a different Customer ({owner}) than the one on this PaymentIntent. Please pass the Customer "
                + "the PaymentMethod is attached to, or a PaymentMethod that is not attached to any Customer.", "payment_method"));
        }

        if (method.Type == PaymentMethodTypes.SepaDebit && intent.Currency != "eur")
        {
            return new(null, StripeError.InvalidRequest(
                $"The currency provided ({intent.Currency}) is invalid. Payments with sepa_debit support the following currencies: eur.", "currency",
                "payment_intent_invalid_parameter"));
        }

        if (method.Type == PaymentMethodTypes.SepaDebit && intent.CaptureMethod == "manual")
        {
            return new(null, StripeError.InvalidRequest(
                "The payment method type sepa_debit does not support capture_method manual; use automatic.", "capture_method",
                "payment_intent_invalid_parameter"));
        }

        if (await ChargeEligibility.CheckAsync(transaction, intent.PlatformId, intent.AccountId, intent.OnBehalfOf, intent.Destination, cancellationToken)
            is { } refused)
        {
            return new(null, refused);
        }

        var setupFutureUsage = confirmation.SetupFutureUsage ?? intent.SetupFutureUsage;
        var mandate = await DebitMandates.ForPaymentAsync(
            transaction, intent.PlatformId, intent.AccountId, intent.OnBehalfOf, method, confirmation.Mandate, setupFutureUsage is not null, cancellationToken);
        if (mandate.Error is { } noMandate)
        {
            return new(null, noMandate);
        }

        var now = DateTimeOffset.UtcNow;
        var chargeId = PrefixedId.New("ch", now);
        var charge = new ChargeRow
        {
            Id = chargeId,
            AccountId = intent.AccountId,
            PlatformId = intent.PlatformId,
            PaymentIntentId = intent.Id,
            Created = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).UtcDateTime,
            Amount = intent.Amount,
            Currency = intent.Currency,
            Status = ChargeStatuses.Pending,
            CustomerId = intent.CustomerId,
            PaymentMethodId = method.Id,
            PaymentMethodDetails = StripeJson.Serialize(ChargePaymentMethodDetails.For(method, intent.Amount, mandate.MandateId)),
            BillingDetails = StripeJson.Serialize(method.BillingDetails),
            ApplicationFeeAmount = intent.ApplicationFeeAmount,
            Destination = intent.Destination,
            TransferAmount = intent.TransferAmount,
            OnBehalfOf = intent.OnBehalfOf,
            TransferGroup = intent.TransferGroup,
            Description = intent.Description,
            ReceiptEmail = confirmation.ReceiptEmail ?? intent.ReceiptEmail,
            Metadata = "{}",
        };
        await ChargeStore.InsertAsync(transaction, charge, cancellationToken);
        await PaymentIntentStore.UpdateAsync(transaction, intent with
        {
            Status = PaymentIntentStatuses.Processing,
            PaymentMethodId = method.Id,
            LatestCharge = chargeId,
            LastPaymentError = null,
            NextAction = null,
            OffSession = confirmation.OffSession,
            ReturnUrl = confirmation.ReturnUrl ?? intent.ReturnUrl,
            SetupFutureUsage = setupFutureUsage,
            ReceiptEmail = confirmation.ReceiptEmail ?? intent.ReceiptEmail,
            RequestIncrementalAuthorization = confirmation.RequestIncrementalAuthorization ?? intent.RequestIncrementalAuthorization,
        }, cancellationToken);
        await sagaStart.BeginAsync(transaction, charge, method, cancellationToken);
        return new(chargeId, null);
    }

    /// <summary>Asks the saga to capture an authorised intent; an error, and nothing written, when it cannot be.</summary>
    public static async Task<StripeError?> CaptureAsync(
        NpgsqlTransaction transaction, PaymentIntentRow intent, long? amountToCapture, long? applicationFeeAmount, CancellationToken cancellationToken)
    {
        if (intent.Status != PaymentIntentStatuses.RequiresCapture)
        {
            return UnexpectedState(
                $"This PaymentIntent could not be captured because it has a status of {intent.Status}. Only a PaymentIntent with one of the "
                + "following statuses may be captured: requires_capture.", intent);
        }

        var amount = amountToCapture ?? intent.AmountCapturable;
        if (amount is 0 || amount > intent.AmountCapturable)
        {
            return StripeError.InvalidRequest(
                $"The amount_to_capture must be between 1 and the amount capturable ({intent.AmountCapturable}).", "amount_to_capture");
        }

        var fee = applicationFeeAmount ?? intent.ApplicationFeeAmount;
        if (fee > amount)
        {
            return StripeError.InvalidRequest("The application fee amount cannot be greater than the amount captured.", "application_fee_amount");
        }

        await PaymentIntentStore.UpdateAsync(transaction, intent with { Status = PaymentIntentStatuses.Processing }, cancellationToken);
        await transaction.PublishAsync(new CaptureRequested { ChargeId = intent.LatestCharge!, Amount = amount, ApplicationFeeAmount = fee }, cancellationToken);
        return null;
    }

    /// <summary>Cancels an intent: at once when nothing is authorised, through the saga (a void) when something is.</summary>
    public static async Task<StripeError?> CancelAsync(
        NpgsqlTransaction transaction, RequestContext context, PaymentIntentRow intent, string reason, CancellationToken cancellationToken)
    {
        if (!PaymentIntentStatuses.Cancelable.Contains(intent.Status))
        {
            return UnexpectedState(
                $"You cannot cancel this PaymentIntent because it has a status of {intent.Status}. Only a PaymentIntent with one of the following "
                + "statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.", intent);
        }

        if (intent.Status == PaymentIntentStatuses.RequiresCapture)
        {
            await PaymentIntentStore.UpdateAsync(transaction, intent with { Status = PaymentIntentStatuses.Processing }, cancellationToken);
            await transaction.PublishAsync(new VoidRequested { ChargeId = intent.LatestCharge!, CancellationReason = reason }, cancellationToken);
            return null;
        }

        var canceled = intent with { Status = PaymentIntentStatuses.Canceled, CancellationReason = reason, CanceledAt = DateTime.UtcNow, NextAction = null };
        await PaymentIntentStore.UpdateAsync(transaction, canceled, cancellationToken);
        await ObjectEvents.PublishAsync(transaction, PaymentIntentEvents.Canceled, intent.PlatformId, intent.AccountId, canceled.ToPaymentIntent(),
            context.RequestId, context.IdempotencyKey, cancellationToken);
        return null;
    }

    /// <summary>The card error a failed attempt answers its confirm with: the stored <c>last_payment_error</c>, the intent inside it.</summary>
    public static StripeError Failure(string lastPaymentError, PaymentIntent intent)
    {
        var error = JsonSerializer.Deserialize<JsonElement>(lastPaymentError);
        string? Read(string name) => error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return StripeError.Card(Read("message")!, Read("code")!, Read("decline_code")) with
        {
            Type = Read("type")!,
            Charge = Read("charge"),
            PaymentIntent = intent,
            PaymentMethod = error.TryGetProperty("payment_method", out var method) ? method : null,
        };
    }

    public static StripeError UnexpectedState(string message, PaymentIntentRow intent) =>
        StripeError.InvalidRequest(message, null, "payment_intent_unexpected_state") with { PaymentIntent = intent.ToPaymentIntent() };
}
