using System.Text.Json;
using Marketplace.Api.Objects;
using Marketplace.Contracts.Fraud;
using Marketplace.Contracts.Ledger;
using Marketplace.Messaging.Inbox;
using Marketplace.Api.Errors;
using Marketplace.Messaging.Outbox;
using Marketplace.Payments.Authentication;
using Marketplace.Payments.Charges;
using Marketplace.Payments.Events;
using Marketplace.Payments.PaymentIntents;
using Marketplace.Payments.PaymentMethods;
using Marketplace.Payments.Processor;
using Marketplace.Payments.SepaDebit;
using Marketplace.Payments.Vault;
using Npgsql;

namespace Marketplace.Payments.PaymentSaga;

/// <summary>
/// What the payment saga does at each step, in its consume transaction: the charge and payment intent rows, the
/// acquirer's calls and the events commit with the saga's state, or not at all. An acquirer call is outside the
/// transaction; when a step runs again after a crash, the simulator answers the same card the same way, and a live
/// adapter would pass the charge id as the acquirer's idempotency key.
/// </summary>
internal sealed class PaymentAttemptSteps(
    ConsumeTransaction consume, IAcquirer acquirer, CardVault vault, AuthenticationChallenges challenges, PaymentIntentWaiter waiter)
{
    NpgsqlTransaction Transaction => consume.Transaction;

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
        return await AuthorizeAsync(saga, authenticationRequested: assessment.Action == "request_3ds", cancellationToken);
    }

    /// <summary>Fraud did not answer in time: the attempt fails closed, with a retryable error (decision 0009).</summary>
    public async Task<AttemptResult> AssessmentOverdueAsync(PaymentAttemptState saga, CancellationToken cancellationToken)
    {
        await FailAsync(saga, "processing_error", null, "An error occurred while processing your card. Try again in a little bit.",
            ChargeOutcome.NotAssessed(), cancellationToken);
        return AttemptResult.Failed;
    }

    /// <summary>
    /// The payer finished the attempt's challenge (3D Secure, or a bank page). A challenge of an attempt the intent has
    /// since left — canceled, or confirmed again — ends the saga and moves nothing.
    /// </summary>
    public async Task<AttemptResult> AuthenticatedAsync(PaymentAttemptState saga, ChallengeCompleted completed, CancellationToken cancellationToken)
    {
        var intent = await PaymentIntentStore.GetAsync(Transaction, saga.PaymentIntentId, cancellationToken);
        if (intent.LatestCharge != saga.ChargeId || intent.Status != PaymentIntentStatuses.RequiresAction)
        {
            return AttemptResult.Abandoned;
        }

        await ChargeStore.PaymentMethodDetailsAsync(Transaction, saga.ChargeId, ThreeDSecureResult(
            (await ChargeStore.GetAsync(Transaction, saga.ChargeId, cancellationToken)).PaymentMethodDetails!, completed), cancellationToken);
        if (!completed.Succeeded)
        {
            await FailAsync(saga, "payment_intent_authentication_failure", null,
                "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to "
                + "fulfill this PaymentIntent again.", ChargeOutcome.NotAuthenticated(saga.Assessment!), cancellationToken,
                StripeErrorType.InvalidRequestError);
            return AttemptResult.Failed;
        }

        saga.Authenticated = true;
        return await AuthorizeAsync(saga, authenticationRequested: false, cancellationToken);
    }

    async Task<AttemptResult> AuthorizeAsync(PaymentAttemptState saga, bool authenticationRequested, CancellationToken cancellationToken)
    {
        var charge = await ChargeStore.GetAsync(Transaction, saga.ChargeId, cancellationToken);
        var intent = await PaymentIntentStore.GetAsync(Transaction, saga.PaymentIntentId, cancellationToken);
        var method = await PaymentMethodStore.GetAsync(Transaction, charge.PaymentMethodId!, cancellationToken);
        var assessment = saga.Assessment!;
        if (method.Type == PaymentMethodTypes.SepaDebit)
        {
            return await SubmitDebitAsync(saga, intent, method.Id, cancellationToken);
        }

        AuthorizationResult result;
        if (ChallengeKinds.IsRedirect(method.Type))
        {
            // The bank (or PayPal) authorises on its own page: once the payer approved there, the money is the platform's.
            if (!saga.Authenticated)
            {
                return await ChallengeAsync(saga, intent, charge, method.Type, cancellationToken);
            }

            result = new AuthorizationResult(AuthorizationStatus.Approved, $"{method.Type}_{charge.Id}", null, new VerificationChecks(null, null, null),
                CardAftermath.None);
        }
        else
        {
            if (authenticationRequested && !saga.Authenticated)
            {
                return await ChallengeAsync(saga, intent, charge, ChallengeKinds.ThreeDSecure, cancellationToken);
            }

            var setUp = await PaymentMethodStore.IsSetUpForOffSessionAsync(Transaction, charge.AccountId, method.Id, cancellationToken);
            result = await acquirer.AuthorizeAsync(
                new AuthorizationRequest(await AccountNumberAsync(method.Id, cancellationToken), Cvc: null, charge.Amount, charge.Currency,
                    ThreeDSecureCompleted: saga.Authenticated, SetUpForOffSession: setUp),
                cancellationToken);
        }

        switch (result.Status)
        {
            case AuthorizationStatus.Declined:
                var decline = result.Decline!;
                await FailAsync(saga, decline.Code, decline.DeclineCode, decline.Message, ChargeOutcome.IssuerDeclined(assessment, decline), cancellationToken);
                return AttemptResult.Failed;
            case AuthorizationStatus.RequiresAuthentication:
                return await ChallengeAsync(saga, intent, charge, ChallengeKinds.ThreeDSecure, cancellationToken);
        }

        var authorized = await ChargeStore.AuthorizedAsync(
            Transaction, charge.Id, result.AuthorizationId!, StripeJson.Serialize(ChargeOutcome.Authorized(assessment)),
            OfferIncrements(intent, charge.PaymentMethodDetails!), StripeJson.Serialize(result.Aftermath), cancellationToken);
        if (intent is { SetupFutureUsage: not null, CustomerId: { } customer }
            && await PaymentMethodStore.AttachIfUnattachedAsync(Transaction, charge.PaymentMethodId!, customer, cancellationToken) is { } attached)
        {
            await ObjectEvents.PublishAsync(Transaction, PaymentMethodEvents.Attached, intent.PlatformId, intent.AccountId, attached,
                cancellationToken: cancellationToken);
        }

        if (intent.CaptureMethod != "manual")
        {
            return await CaptureAsync(saga, authorized, charge.Amount, intent.ApplicationFeeAmount, cancellationToken);
        }

        var waiting = await SettleIntentAsync(intent.Id, charge.Id,
            new PaymentIntentSettlement(PaymentIntentStatuses.RequiresCapture) { AmountCapturable = charge.Amount, ReviewId = saga.ReviewId },
            cancellationToken);
        if (waiting is not null)
        {
            await RaiseAsync(ChargeEvents.Succeeded, charge.Id, cancellationToken);
            await RaiseAsync(PaymentIntentEvents.AmountCapturableUpdated, waiting, cancellationToken);
        }

        return AttemptResult.AwaitingCapture;
    }

    /// <summary>
    /// Submits a SEPA debit to the scheme: as at Stripe, the charge stays <c>pending</c> and the intent <c>processing</c>
    /// until the debit settles or is returned, which the state machine schedules.
    /// </summary>
    async Task<AttemptResult> SubmitDebitAsync(PaymentAttemptState saga, PaymentIntentRow intent, string paymentMethodId, CancellationToken cancellationToken)
    {
        saga.BankDebit = true;
        saga.SettlesLate = SepaTestAccounts.For(await AccountNumberAsync(paymentMethodId, cancellationToken)).Late;
        await RaiseAsync(ChargeEvents.Pending, saga.ChargeId, cancellationToken);
        if (intent.LatestCharge == saga.ChargeId)
        {
            await RaiseAsync(PaymentIntentEvents.Processing, intent, cancellationToken);
        }

        return AttemptResult.Settling;
    }

    /// <summary>
    /// The scheme answered a SEPA debit: settled, it goes to the Ledger like a captured card (with the payer's dispute
    /// to come, for Stripe's disputed test IBAN); returned, the intent needs another method.
    /// </summary>
    public async Task<AttemptResult> DebitSettledAsync(PaymentAttemptState saga, CancellationToken cancellationToken)
    {
        var charge = await ChargeStore.GetAsync(Transaction, saga.ChargeId, cancellationToken);
        var assessment = saga.Assessment!;
        var debit = SepaTestAccounts.For(await AccountNumberAsync(charge.PaymentMethodId!, cancellationToken));
        if (!debit.Settles)
        {
            var returned = new CardDecline(SepaTestAccounts.FailureCode, null, SepaTestAccounts.FailureMessage);
            await FailAsync(saga, returned.Code, null, returned.Message, ChargeOutcome.IssuerDeclined(assessment, returned), cancellationToken);
            return AttemptResult.Failed;
        }

        var aftermath = debit.Disputed ? new CardAftermath(SepaTestAccounts.DisputeReason) : CardAftermath.None;
        var authorized = await ChargeStore.AuthorizedAsync(
            Transaction, charge.Id, $"sepa_debit_{charge.Id}", StripeJson.Serialize(ChargeOutcome.Authorized(assessment)), charge.PaymentMethodDetails!,
            StripeJson.Serialize(aftermath), cancellationToken);
        var intent = await PaymentIntentStore.GetAsync(Transaction, saga.PaymentIntentId, cancellationToken);
        return await CaptureAsync(saga, authorized, charge.Amount, intent.ApplicationFeeAmount, cancellationToken);
    }

    /// <summary>Captures <paramref name="amount"/> of the authorisation and asks the Ledger to journal it.</summary>
    public async Task<AttemptResult> CaptureAsync(PaymentAttemptState saga, long amount, long? applicationFeeAmount, CancellationToken cancellationToken)
    {
        var charge = await ChargeStore.GetAsync(Transaction, saga.ChargeId, cancellationToken);
        return await CaptureAsync(saga, charge, amount, applicationFeeAmount, cancellationToken);
    }

    /// <summary>Captures <paramref name="amount"/> of the authorised <paramref name="charge"/>, as it is in this transaction.</summary>
    async Task<AttemptResult> CaptureAsync(
        PaymentAttemptState saga, ChargeRow charge, long amount, long? applicationFeeAmount, CancellationToken cancellationToken)
    {
        if (!saga.Redirected && !saga.BankDebit && await acquirer.CaptureAsync(charge.AuthorizationId!, amount, cancellationToken) is { Succeeded: false } refused)
        {
            throw new InvalidOperationException($"The acquirer refused to capture {charge.Id}: {refused.Failure!.Message}");
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
            AvailableImmediately = charge.ReadAftermath().AvailableImmediately,
        }, cancellationToken);
        return AttemptResult.Posting;
    }

    /// <summary>The Ledger journaled the charge: only now is the payment intent <c>succeeded</c>.</summary>
    public async Task PostedAsync(PaymentAttemptState saga, ChargePosted posted, CancellationToken cancellationToken)
    {
        var charge = await ChargeStore.PostedAsync(Transaction, saga.ChargeId, posted.BalanceTransactionId, posted.ApplicationFeeId, cancellationToken);
        var intent = await SettleIntentAsync(saga.PaymentIntentId, saga.ChargeId,
            new PaymentIntentSettlement(PaymentIntentStatuses.Succeeded) { AmountReceived = charge.AmountCaptured, ReviewId = saga.ReviewId },
            cancellationToken);
        var manual = intent?.CaptureMethod == "manual";
        await RaiseAsync(manual ? ChargeEvents.Captured : ChargeEvents.Succeeded, charge, cancellationToken);
        if (intent is not null)
        {
            await RaiseAsync(PaymentIntentEvents.Succeeded, intent, cancellationToken);
        }

        // Most charges have no aftermath: a message for them would be consumed to do nothing.
        if (charge.ReadAftermath().ActsOnceSettled)
        {
            await Transaction.PublishAsync(new ChargeSettled
            {
                ChargeId = charge.Id, PaymentIntentId = charge.PaymentIntentId, PlatformId = charge.PlatformId, AccountId = charge.AccountId,
            }, cancellationToken);
        }
    }

    /// <summary>Releases an uncaptured authorisation and cancels the intent.</summary>
    public async Task VoidAsync(PaymentAttemptState saga, string cancellationReason, CancellationToken cancellationToken)
    {
        var charge = await ChargeStore.GetAsync(Transaction, saga.ChargeId, cancellationToken);
        await acquirer.VoidAsync(charge.AuthorizationId!, cancellationToken);
        var intent = await SettleIntentAsync(saga.PaymentIntentId, saga.ChargeId,
            new PaymentIntentSettlement(PaymentIntentStatuses.Canceled) { CancellationReason = cancellationReason }, cancellationToken);
        if (intent is not null)
        {
            await RaiseAsync(PaymentIntentEvents.Canceled, intent, cancellationToken);
        }
    }

    /// <summary>Settles the intent in the step's transaction; once that commits, a request of this process waiting on the intent reads it.</summary>
    async Task<PaymentIntentRow?> SettleIntentAsync(string intentId, string chargeId, PaymentIntentSettlement settlement, CancellationToken cancellationToken)
    {
        var settled = await PaymentIntentStore.SettleAsync(Transaction, intentId, chargeId, settlement, cancellationToken);
        consume.AfterCommit(_ =>
        {
            waiter.Wake(intentId);
            return Task.CompletedTask;
        });
        return settled;
    }

    /// <summary>The authorisation was left uncaptured past its validity: released, and the intent canceled as Stripe cancels it.</summary>
    public async Task ExpireAsync(PaymentAttemptState saga, CancellationToken cancellationToken)
    {
        await VoidAsync(saga, "automatic", cancellationToken);
        await RaiseAsync(ChargeEvents.Expired, saga.ChargeId, cancellationToken);
    }

    async Task FailAsync(
        PaymentAttemptState saga, string code, string? declineCode, string message, ChargeOutcome outcome, CancellationToken cancellationToken,
        string type = StripeErrorType.CardError)
    {
        await ChargeStore.FailedAsync(Transaction, saga.ChargeId, code, message, StripeJson.Serialize(outcome), cancellationToken);
        var charge = await ChargeStore.GetAsync(Transaction, saga.ChargeId, cancellationToken);
        var method = await PaymentMethodStore.GetAsync(Transaction, charge.PaymentMethodId!, cancellationToken);
        var error = PaymentError.CardError(code, declineCode, message, charge.Id, method) with { Type = type };
        var intent = await SettleIntentAsync(saga.PaymentIntentId, saga.ChargeId,
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

    /// <summary>
    /// Sends the payer to a hosted challenge (3D Secure, or the bank page of a redirect method) and leaves the intent in
    /// <c>requires_action</c>. Off session nobody is there to answer it: the attempt fails as Stripe fails it.
    /// </summary>
    async Task<AttemptResult> ChallengeAsync(
        PaymentAttemptState saga, PaymentIntentRow intent, ChargeRow charge, string kind, CancellationToken cancellationToken)
    {
        if (intent.OffSession)
        {
            await FailAsync(saga, "authentication_required", "authentication_required", "Your card was declined. This transaction requires authentication.",
                ChargeOutcome.IssuerDeclined(saga.Assessment!, CardDecline.Declined("authentication_required")), cancellationToken);
            return AttemptResult.Failed;
        }

        saga.Redirected = kind != ChallengeKinds.ThreeDSecure;
        var challenge = await challenges.CreateAsync(
            Transaction, new ChallengeRequest(intent.Id, charge.Id, kind, intent.ReturnUrl, intent.ClientSecret), cancellationToken);
        var waiting = await SettleIntentAsync(intent.Id, charge.Id,
            new PaymentIntentSettlement(PaymentIntentStatuses.RequiresAction)
            {
                NextAction = StripeJson.Serialize(new RedirectNextAction(new RedirectToUrl(intent.ReturnUrl, challenge.Url))), ReviewId = saga.ReviewId,
            },
            cancellationToken);
        if (waiting is not null)
        {
            await RaiseAsync(PaymentIntentEvents.RequiresAction, waiting, cancellationToken);
        }

        return AttemptResult.Authenticating;
    }

    /// <summary>
    /// The charge's card details, with incremental authorisation <c>available</c> when the confirm asked for it
    /// (<c>if_available</c>) on a manually captured card: the simulated issuers grant it to every such card.
    /// </summary>
    static string OfferIncrements(PaymentIntentRow intent, string paymentMethodDetails)
    {
        var details = JsonSerializer.Deserialize<ChargePaymentMethodDetails>(paymentMethodDetails, StripeJson.Options)!;
        return intent is { CaptureMethod: "manual", RequestIncrementalAuthorization: "if_available" } && details.Card is { } card
            ? StripeJson.Serialize(details with { Card = card with { IncrementalAuthorization = new CardFeatureStatus("available") } })
            : paymentMethodDetails;
    }

    /// <summary>The charge's card details with the challenge's result, as Stripe shows <c>three_d_secure</c>; a bank method's unchanged.</summary>
    static string ThreeDSecureResult(string paymentMethodDetails, ChallengeCompleted completed)
    {
        var details = JsonSerializer.Deserialize<ChargePaymentMethodDetails>(paymentMethodDetails, StripeJson.Options)!;
        return details.Card is null || completed.Kind != ChallengeKinds.ThreeDSecure
            ? paymentMethodDetails
            : StripeJson.Serialize(details with
            {
                Card = details.Card with { ThreeDSecure = new ChargeThreeDSecure(completed.Succeeded ? "authenticated" : "failed") },
            });
    }

    /// <summary>The card number or IBAN sealed in the method's vault entry.</summary>
    async Task<string> AccountNumberAsync(string paymentMethodId, CancellationToken cancellationToken)
    {
        var entry = await PaymentMethodStore.VaultEntryIdAsync(Transaction, paymentMethodId, cancellationToken);
        return vault.Open(await VaultStore.GetAsync(Transaction, entry, cancellationToken));
    }

    async Task RaiseAsync(string type, string chargeId, CancellationToken cancellationToken) =>
        await RaiseAsync(type, await ChargeStore.GetAsync(Transaction, chargeId, cancellationToken), cancellationToken);

    /// <summary>Raises an event of <paramref name="charge"/> as read after the step's last change to it.</summary>
    Task RaiseAsync(string type, ChargeRow charge, CancellationToken cancellationToken) =>
        ObjectEvents.PublishAsync(Transaction, type, charge.PlatformId, charge.AccountId, charge.ToCharge(), cancellationToken: cancellationToken);

    Task RaiseAsync(string type, PaymentIntentRow intent, CancellationToken cancellationToken) =>
        ObjectEvents.PublishAsync(Transaction, type, intent.PlatformId, intent.AccountId, intent.ToPaymentIntent(), cancellationToken: cancellationToken);
}
