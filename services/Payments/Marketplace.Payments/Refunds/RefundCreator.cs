using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Api.Money;
using Marketplace.Api.Objects;
using Marketplace.Contracts.Ledger;
using Marketplace.Data;
using Marketplace.Messaging.Outbox;
using Marketplace.Payments.Charges;
using Marketplace.Payments.Disputes;
using Npgsql;

namespace Marketplace.Payments.Refunds;

/// <summary>
/// Makes a refund in one transaction under the charge's lock: checks the charge can give back that much, reserves the
/// amount on it (<c>amount_refunded</c>), inserts the refund <c>pending</c>, and asks the Ledger to post it
/// (<see cref="PostRefund"/> through the outbox). Concurrent refunds of a charge queue on its lock, so each sees what
/// the others reserved; the table's CHECK is the last line. The acquirer is asked once the Ledger has posted
/// (<see cref="RefundPostedConsumer"/>), so no money leaves by card that the ledger has not recorded.
/// </summary>
internal static class RefundCreator
{
    /// <summary>The Ledger's <see cref="PostRefund"/> consumer (Ledger's <c>PostRefundConsumer</c>).</summary>
    public static readonly Uri LedgerAddress = new("exchange:ledger-post-refund");

    public static async Task<RefundCreation> CreateAsync(
        NpgsqlDataSource dataSource, RequestContext context, string? chargeId, string? paymentIntentId, RefundRequest request,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var charge = chargeId is not null
            ? await ChargeStore.LockAsync(transaction, context.AccountId, chargeId, cancellationToken)
            : await ChargeStore.LockLatestAsync(transaction, context.AccountId, paymentIntentId!, cancellationToken);
        if (charge is null)
        {
            return chargeId is not null
                ? StripeError.ResourceMissing("charge", chargeId, "charge")
                : StripeError.ResourceMissing("payment_intent", paymentIntentId!, "payment_intent");
        }

        // A retried create answers with the refund the first attempt made, whatever the charge has become since.
        if (context.IdempotencyKey is { } key && await RefundStore.FindByIdempotencyKeyAsync(transaction, context.AccountId, key, cancellationToken) is { } made)
        {
            return made;
        }

        if (paymentIntentId is not null && charge.PaymentIntentId != paymentIntentId)
        {
            return StripeError.InvalidRequest($"The charge {charge.Id} does not belong to the payment intent {paymentIntentId}.", "payment_intent");
        }

        if (await CheckAsync(transaction, charge, request.Amount, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!request.Metadata.TryApply(new Dictionary<string, string>(), out var metadata, out var invalid))
        {
            return invalid;
        }

        var now = DateTimeOffset.UtcNow;
        var refund = new RefundRow
        {
            Id = PrefixedId.New("re", now),
            AccountId = charge.AccountId,
            PlatformId = charge.PlatformId,
            ChargeId = charge.Id,
            PaymentIntentId = charge.PaymentIntentId,
            Created = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).UtcDateTime,
            Amount = request.Amount ?? charge.AmountCaptured - charge.AmountRefunded,
            Currency = charge.Currency,
            Status = RefundStatuses.Pending,
            Reason = request.Reason,
            ReverseTransfer = request.ReverseTransfer,
            RefundApplicationFee = request.RefundApplicationFee,
            Metadata = StripeJson.Serialize(metadata),
        };
        await ChargeStore.RefundedAsync(transaction, charge.Id, refund.Amount, cancellationToken);
        if (await RefundStore.InsertAsync(transaction, refund, context.IdempotencyKey, cancellationToken) is { } first)
        {
            // The same key won a race on another charge: nothing of this attempt is kept.
            return first;
        }

        await transaction.SendAsync(LedgerAddress, new PostRefund
        {
            RefundId = refund.Id,
            ChargeId = refund.ChargeId,
            Amount = refund.Amount,
            ReverseTransfer = refund.ReverseTransfer,
            RefundApplicationFee = refund.RefundApplicationFee,
        }, cancellationToken);
        await ChargeReviews.CloseAsync(transaction, charge, refund.Reason == "fraudulent" ? "refunded_as_fraud" : "refunded", cancellationToken);
        await RefundEvents.CreatedAsync(
            transaction, refund, charge, charge with { AmountRefunded = charge.AmountRefunded + refund.Amount }, context, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return refund;
    }

    /// <summary>Stripe's refusals, checked on the locked charge; null when <paramref name="amount"/> (all that remains when null) can go back.</summary>
    static async Task<StripeError?> CheckAsync(NpgsqlTransaction transaction, ChargeRow charge, long? amount, CancellationToken cancellationToken)
    {
        if (charge.Status != ChargeStatuses.Succeeded)
        {
            return StripeError.InvalidRequest($"Charge {charge.Id} did not succeed: there is nothing to refund.", "charge");
        }

        if (!charge.Captured)
        {
            // Releasing an authorisation is the payment intent's cancel, which voids it with the acquirer.
            return StripeError.InvalidRequest(
                $"Charge {charge.Id} has not been captured: cancel its payment intent to release the authorization instead.", "charge");
        }

        if (await DisputeStore.BlocksRefundsAsync(transaction, charge.Id, cancellationToken))
        {
            return StripeError.InvalidRequest($"Charge {charge.Id} has been charged back; cannot issue a refund.", "charge", "charge_disputed");
        }

        var remaining = charge.AmountCaptured - charge.AmountRefunded;
        if (remaining == 0)
        {
            return StripeError.InvalidRequest($"Charge {charge.Id} has already been refunded.", "charge", "charge_already_refunded");
        }

        if (amount > remaining)
        {
            return StripeError.InvalidRequest(
                $"Refund amount ({ChargeAmounts.Format(amount.Value, charge.Currency)} {charge.Currency}) is greater than unrefunded amount on charge ({ChargeAmounts.Format(remaining, charge.Currency)} {charge.Currency})",
                "amount", StripeErrorCode.AmountTooLarge);
        }

        // The Ledger can only refund a charge it has journaled; the payment saga records that within moments of the
        // capture, so the caller is asked to retry (Stripe's SDKs retry a 409 by themselves).
        return charge.BalanceTransactionId is null
            ? StripeError.Conflict($"Charge {charge.Id} is still being settled; retry the refund in a moment.")
            : null;
    }
}
