using Marketplace.Api.Errors;
using Marketplace.Api.Objects;
using Marketplace.Payments.Authentication;
using Marketplace.Payments.PaymentMethods;
using Marketplace.Payments.Processor;
using Marketplace.Payments.Vault;
using Npgsql;

namespace Marketplace.Payments.SetupIntents;

/// <summary>
/// What confirming a setup intent does with its payment method, and how a challenge's completion ends it. A card is
/// verified with its issuer for off-session use — declined, approved, or wanting 3D Secure first; iDEAL, Bancontact
/// and PayPal always send the payer to their page; a SEPA debit method needs nothing more. Every outcome is written,
/// with its event, in the caller's transaction.
/// </summary>
internal sealed class SetupIntentConfirmation(
    NpgsqlTransaction transaction, SetupIntentChange change, CardVault vault, IAcquirer acquirer, AuthenticationChallenges challenges)
{
    /// <summary>Confirms <paramref name="intent"/> with <paramref name="method"/>; the error is the one the request answers with, when it failed.</summary>
    public async Task<(SetupIntent Intent, StripeError? Error)> ConfirmAsync(
        SetupIntent intent, PaymentMethod method, string? returnUrl, CancellationToken cancellationToken)
    {
        var attempt = intent with { PaymentMethod = method.Id, LastSetupError = null, NextAction = null };
        if (PaymentMethodTypes.Redirects(method.Type))
        {
            return (await RequireActionAsync(attempt, method.Type, returnUrl, cancellationToken), null);
        }

        if (method.Card is null)
        {
            return (await SucceedAsync(attempt, method, cancellationToken), null);
        }

        var verification = await VerifyAsync(method, threeDSecureCompleted: false, cancellationToken);
        return verification.Status switch
        {
            AuthorizationStatus.Approved => (await SucceedAsync(attempt, method, cancellationToken), null),
            AuthorizationStatus.RequiresAuthentication => (await RequireActionAsync(attempt, ChallengeKinds.ThreeDSecure, returnUrl, cancellationToken), null),
            _ => await FailAsync(attempt, SetupError.Declined(verification.Decline!, method), cancellationToken),
        };
    }

    /// <summary>
    /// Ends the attempt <paramref name="stored"/> waits for in <c>requires_action</c> with the payer's choice: after a
    /// completed 3D Secure the card is verified again, as the issuer then answers for real.
    /// </summary>
    public async Task CompleteAsync(StoredSetupIntent stored, ChallengeCompleted completed, CancellationToken cancellationToken)
    {
        var intent = stored.Intent;
        if (await PaymentMethodStore.LockAsync(transaction, stored.AccountId, intent.PaymentMethod!, cancellationToken) is not { } method)
        {
            return;
        }

        if (!completed.Succeeded)
        {
            await FailAsync(intent, SetupError.AuthenticationFailed(method), cancellationToken);
            return;
        }

        if (method.Card is null)
        {
            await SucceedAsync(intent, method, cancellationToken);
            return;
        }

        var verification = await VerifyAsync(method, threeDSecureCompleted: true, cancellationToken);
        if (verification.Approved)
        {
            await SucceedAsync(intent, method, cancellationToken);
            return;
        }

        await FailAsync(intent, verification.Decline is { } decline ? SetupError.Declined(decline, method) : SetupError.AuthenticationFailed(method), cancellationToken);
    }

    async Task<AuthorizationResult> VerifyAsync(PaymentMethod method, bool threeDSecureCompleted, CancellationToken cancellationToken)
    {
        var vaultEntryId = await PaymentMethodStore.VaultEntryIdAsync(transaction, method.Id, cancellationToken);
        var number = vault.Open(await VaultStore.GetAsync(transaction, vaultEntryId, cancellationToken));
        return await acquirer.AuthorizeAsync(
            new AuthorizationRequest(number, null, 0, "usd", ThreeDSecureCompleted: threeDSecureCompleted, SetUpForOffSession: true, IsVerification: true),
            cancellationToken);
    }

    async Task<SetupIntent> RequireActionAsync(SetupIntent attempt, string kind, string? returnUrl, CancellationToken cancellationToken)
    {
        var challenge = await challenges.CreateAsync(
            transaction, new ChallengeRequest(attempt.Id, attempt.Id, kind, returnUrl, attempt.ClientSecret), cancellationToken);
        var waiting = attempt with
        {
            Status = SetupIntentStatus.RequiresAction,
            NextAction = new RedirectNextAction(new RedirectToUrl(returnUrl, challenge.Url)),
        };
        await SaveAsync(waiting, challenge.Id, SetupIntentEvents.RequiresAction, cancellationToken);
        return waiting;
    }

    /// <summary>
    /// The method is set up: attached to the intent's customer (unless it already belongs to one) and, for
    /// <c>usage=off_session</c>, marked so that off-session payments with it need no new authentication.
    /// </summary>
    async Task<SetupIntent> SucceedAsync(SetupIntent attempt, PaymentMethod method, CancellationToken cancellationToken)
    {
        if (attempt.Customer is { } customer && method.Customer is null)
        {
            var attached = method with { Customer = customer };
            await PaymentMethodStore.UpdateAsync(transaction, change.AccountId, attached, cancellationToken);
            await PaymentMethodEvents.PublishAsync(
                transaction, change.PlatformId, change.AccountId, change.RequestId, change.IdempotencyKey, PaymentMethodEvents.Attached,
                StripeJson.Serialize(attached), null, cancellationToken);
        }

        if (attempt.Usage == "off_session")
        {
            await PaymentMethodStore.MarkSetUpForOffSessionAsync(transaction, change.AccountId, method.Id, cancellationToken);
        }

        var succeeded = attempt with { Status = SetupIntentStatus.Succeeded, NextAction = null, LastSetupError = null };
        await SaveAsync(succeeded, null, SetupIntentEvents.Succeeded, cancellationToken);
        return succeeded;
    }

    /// <summary>As Stripe does, the failed method moves from <c>payment_method</c> into <c>last_setup_error</c>, and the intent asks for another.</summary>
    async Task<(SetupIntent, StripeError)> FailAsync(SetupIntent attempt, SetupError error, CancellationToken cancellationToken)
    {
        var failed = attempt with { Status = SetupIntentStatus.RequiresPaymentMethod, PaymentMethod = null, NextAction = null, LastSetupError = error };
        await SaveAsync(failed, null, SetupIntentEvents.SetupFailed, cancellationToken);
        return (failed, error.ToStripeError(failed));
    }

    async Task SaveAsync(SetupIntent intent, string? challengeId, string eventType, CancellationToken cancellationToken)
    {
        await SetupIntentStore.UpdateAsync(transaction, change.AccountId, intent, challengeId, cancellationToken);
        await SetupIntentEvents.PublishAsync(transaction, change, eventType, StripeJson.Serialize(intent), cancellationToken);
    }
}
