using System.Text.Json;
using Marketplace.Api.Objects;
using Marketplace.Contracts.Fraud;
using Marketplace.Contracts.Ledger;
using Marketplace.Messaging.Inbox;
using Marketplace.Messaging.Outbox;
using Marketplace.Payments.Charges;
using Marketplace.Payments.Events;
using Marketplace.Payments.PaymentIntents;
using Marketplace.Payments.PaymentMethods;
using Marketplace.Payments.Processor;
using Marketplace.Payments.Vault;
using Npgsql;

namespace Marketplace.Payments.PaymentSaga;

/// <summary>
/// What the payment saga does at each step, in its consume transaction: the charge and payment intent rows, the
/// acquirer's calls and the events commit with the saga's state, or not at all. An acquirer call is outside the
/// transaction; when a step runs again after a crash, the simulator answers the same card the same way, and a live
/// adapter would pass the charge id as the acquirer's idempotency key.
/// </summary>
internal sealed class PaymentAttemptSteps(ConsumeTransaction consume, IAcquirer acquirer, CardVault vault)
{
    NpgsqlTransaction Transaction => consume.Transaction;

    /// <summary>Fraud's request for the attempt: the card as the acquirer knows it, never its number.</summary>
    public async Task<AssessPayment> AssessmentRequestAsync(string chargeId, CancellationToken cancellationToken)
    {
        var charge = await ChargeStore.GetAsync(Transaction, chargeId, cancellationToken);
        var method = await PaymentMethodStore.GetAsync(Transaction, charge.PaymentMethodId!, cancellationToken);
        var card = method.Card;
        var bin = card is null ? null : (await CardNumberAsync(method.Id, cancellationToken))[..6];
        return new AssessPayment
        {
            PaymentId = charge.Id,
            PlatformId = charge.PlatformId,
            AccountId = charge.AccountId,
            Amount = charge.Amount,
            Currency = charge.Currency,
            CardFingerprint = card?.Fingerprint,
            CardBin = bin,
            CardLast4 = card?.Last4,
            CardCountry = card?.Country,
            CardBrand = card?.Brand,
            CardFunding = card?.Funding,
            CvcCheck = card?.Checks.CvcCheck,
            AddressLine1Check = card?.Checks.AddressLine1Check,
            AddressZipCheck = card?.Checks.AddressPostalCodeCheck,
            Email = charge.ReceiptEmail ?? method.BillingDetails.Email,
            CustomerId = charge.CustomerId,
            Destination = charge.Destination,
            Metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(charge.Metadata, StripeJson.Options)!,
        };
    }

    /// <summary>Acts on Fraud's answer: a block fails the attempt; otherwise the issuer is asked.</summary>
    public async Task<AttemptResult> AssessedAsync(PaymentAttemptState saga, PaymentAssessed assessment, CancellationToken cancellationToken)
    {
        if (assessment.Action == "block")
        {
            await FailAsync(saga, "card_declined", "fraudulent", "Your card was declined.", ChargeOutcome.Blocked(assessment.Outcome), cancellationToken);
            return AttemptResult.Failed;
        }

        if (assessment.ReviewId is { } reviewId)
        {
            await ChargeStore.ReviewOpenedAsync(Transaction, saga.ChargeId, reviewId, cancellationToken);
        }

        saga.Assessment = assessment.Outcome;
        saga.ReviewId = assessment.ReviewId;
        return await AuthorizeAsync(saga, cancellationToken);
    }

    /// <summary>Fraud did not answer in time: the attempt fails closed, with a retryable error (decision 0009).</summary>
    public async Task<AttemptResult> AssessmentOverdueAsync(PaymentAttemptState saga, CancellationToken cancellationToken)
    {
        await FailAsync(saga, "processing_error", null, "An error occurred while processing your card. Try again in a little bit.",
            ChargeOutcome.NotAssessed(), cancellationToken);
        return AttemptResult.Failed;
    }

    async Task<AttemptResult> AuthorizeAsync(PaymentAttemptState saga, CancellationToken cancellationToken)
    {
        var charge = await ChargeStore.GetAsync(Transaction, saga.ChargeId, cancellationToken);
        var intent = await PaymentIntentStore.GetAsync(Transaction, saga.PaymentIntentId, cancellationToken);
        var number = await CardNumberAsync(charge.PaymentMethodId!, cancellationToken);
        var result = await acquirer.AuthorizeAsync(
            new AuthorizationRequest(number, Cvc: null, charge.Amount, charge.Currency), cancellationToken);
        var assessment = saga.Assessment!;
        switch (result.Status)
        {
            case AuthorizationStatus.Declined:
                var decline = result.Decline!;
                await FailAsync(saga, decline.Code, decline.DeclineCode, decline.Message, ChargeOutcome.IssuerDeclined(assessment, decline), cancellationToken);
                return AttemptResult.Failed;
            case AuthorizationStatus.RequiresAuthentication:
                // Until hosted 3D Secure challenges exist, a card that needs one fails as an off-session payment does.
                await FailAsync(saga, "authentication_required", "authentication_required",
                    "Your card was declined. This transaction requires authentication.", ChargeOutcome.IssuerDeclined(assessment,
                        CardDecline.Declined("authentication_required")), cancellationToken);
                return AttemptResult.Failed;
        }

        await ChargeStore.AuthorizedAsync(Transaction, charge.Id, result.AuthorizationId!,
            StripeJson.Serialize(ChargeOutcome.Authorized(assessment)), charge.PaymentMethodDetails!,
            StripeJson.Serialize(result.Aftermath), cancellationToken);
        if (intent is { SetupFutureUsage: not null, CustomerId: { } customer }
            && await PaymentMethodStore.AttachIfUnattachedAsync(Transaction, charge.PaymentMethodId!, customer, cancellationToken) is { } attached)
        {
            await ObjectEvents.PublishAsync(Transaction, PaymentMethodEvents.Attached, intent.PlatformId, intent.AccountId, attached,
                cancellationToken: cancellationToken);
        }

        if (intent.CaptureMethod != "manual")
        {
            return await CaptureAsync(saga, charge.Amount, intent.ApplicationFeeAmount, cancellationToken);
        }

        var waiting = await PaymentIntentStore.SettleAsync(Transaction, intent.Id, charge.Id,
            new PaymentIntentSettlement(PaymentIntentStatuses.RequiresCapture) { AmountCapturable = charge.Amount, ReviewId = saga.ReviewId },
            cancellationToken);
        if (waiting is not null)
        {
            await RaiseAsync(ChargeEvents.Succeeded, charge.Id, cancellationToken);
            await RaiseAsync(PaymentIntentEvents.AmountCapturableUpdated, waiting, cancellationToken);
        }

        return AttemptResult.AwaitingCapture;
    }

    /// <summary>Captures <paramref name="amount"/> of the authorisation and asks the Ledger to journal it.</summary>
    public async Task<AttemptResult> CaptureAsync(PaymentAttemptState saga, long amount, long? applicationFeeAmount, CancellationToken cancellationToken)
    {
        var charge = await ChargeStore.GetAsync(Transaction, saga.ChargeId, cancellationToken);
        var captured = await acquirer.CaptureAsync(charge.AuthorizationId!, amount, cancellationToken);
        if (!captured.Succeeded)
        {
            throw new InvalidOperationException($"The acquirer refused to capture {charge.Id}: {captured.Failure!.Message}");
        }

        await ChargeStore.CapturedAsync(Transaction, charge.Id, amount, applicationFeeAmount, cancellationToken);
        await Transaction.SendAsync(PostCharge.Address, new PostCharge
        {
            ChargeId = charge.Id,
            PlatformId = charge.PlatformId,
            OnAccount = charge.AccountId,
            Amount = amount,
            Currency = charge.Currency,
            Destination = charge.Destination,
            TransferAmount = charge.TransferAmount is { } transfer ? Math.Min(transfer, amount) : null,
            ApplicationFeeAmount = applicationFeeAmount,
            OnBehalfOf = charge.OnBehalfOf,
        }, cancellationToken);
        return AttemptResult.Posting;
    }

    /// <summary>The Ledger journaled the charge: only now is the payment intent <c>succeeded</c>.</summary>
    public async Task PostedAsync(PaymentAttemptState saga, ChargePosted posted, CancellationToken cancellationToken)
    {
        await ChargeStore.PostedAsync(Transaction, saga.ChargeId, posted.BalanceTransactionId, posted.ApplicationFeeId, cancellationToken);
        var charge = await ChargeStore.GetAsync(Transaction, saga.ChargeId, cancellationToken);
        var intent = await PaymentIntentStore.SettleAsync(Transaction, saga.PaymentIntentId, saga.ChargeId,
            new PaymentIntentSettlement(PaymentIntentStatuses.Succeeded) { AmountReceived = charge.AmountCaptured, ReviewId = saga.ReviewId },
            cancellationToken);
        var manual = intent?.CaptureMethod == "manual";
        await RaiseAsync(manual ? ChargeEvents.Captured : ChargeEvents.Succeeded, charge.Id, cancellationToken);
        if (intent is not null)
        {
            await RaiseAsync(PaymentIntentEvents.Succeeded, intent, cancellationToken);
        }

        await Transaction.PublishAsync(new ChargeSettled
        {
            ChargeId = charge.Id, PaymentIntentId = charge.PaymentIntentId, PlatformId = charge.PlatformId, AccountId = charge.AccountId,
        }, cancellationToken);
    }

    /// <summary>Releases an uncaptured authorisation and cancels the intent.</summary>
    public async Task VoidAsync(PaymentAttemptState saga, string cancellationReason, CancellationToken cancellationToken)
    {
        var charge = await ChargeStore.GetAsync(Transaction, saga.ChargeId, cancellationToken);
        await acquirer.VoidAsync(charge.AuthorizationId!, cancellationToken);
        var intent = await PaymentIntentStore.SettleAsync(Transaction, saga.PaymentIntentId, saga.ChargeId,
            new PaymentIntentSettlement(PaymentIntentStatuses.Canceled) { CancellationReason = cancellationReason }, cancellationToken);
        if (intent is not null)
        {
            await RaiseAsync(PaymentIntentEvents.Canceled, intent, cancellationToken);
        }
    }

    async Task FailAsync(
        PaymentAttemptState saga, string code, string? declineCode, string message, ChargeOutcome outcome, CancellationToken cancellationToken)
    {
        await ChargeStore.FailedAsync(Transaction, saga.ChargeId, code, message, StripeJson.Serialize(outcome), cancellationToken);
        var charge = await ChargeStore.GetAsync(Transaction, saga.ChargeId, cancellationToken);
        var method = await PaymentMethodStore.GetAsync(Transaction, charge.PaymentMethodId!, cancellationToken);
        var error = PaymentError.CardError(code, declineCode, message, charge.Id, method);
        var intent = await PaymentIntentStore.SettleAsync(Transaction, saga.PaymentIntentId, saga.ChargeId,
            new PaymentIntentSettlement(PaymentIntentStatuses.RequiresPaymentMethod)
            {
                LastPaymentError = StripeJson.Serialize(error), ClearPaymentMethod = true, ReviewId = saga.ReviewId,
            },
            cancellationToken);
        await RaiseAsync(ChargeEvents.Failed, charge.Id, cancellationToken);
        if (intent is not null)
        {
            await RaiseAsync(PaymentIntentEvents.PaymentFailed, intent, cancellationToken);
        }
    }

    async Task<string> CardNumberAsync(string paymentMethodId, CancellationToken cancellationToken)
    {
        var entry = await PaymentMethodStore.VaultEntryIdAsync(Transaction, paymentMethodId, cancellationToken);
        return vault.Open(await VaultStore.GetAsync(Transaction, entry, cancellationToken));
    }

    async Task RaiseAsync(string type, string chargeId, CancellationToken cancellationToken)
    {
        var charge = await ChargeStore.GetAsync(Transaction, chargeId, cancellationToken);
        await ObjectEvents.PublishAsync(Transaction, type, charge.PlatformId, charge.AccountId, charge.ToCharge(), cancellationToken: cancellationToken);
    }

    Task RaiseAsync(string type, PaymentIntentRow intent, CancellationToken cancellationToken) =>
        ObjectEvents.PublishAsync(Transaction, type, intent.PlatformId, intent.AccountId, intent.ToPaymentIntent(), cancellationToken: cancellationToken);
}
