using System.Text.Json;
using Marketplace.Api.Objects;
using Marketplace.Contracts.Accounts;
using Marketplace.Contracts.Fraud;
using Marketplace.Data;
using Marketplace.Messaging.Inbox;
using Marketplace.Payments.Charges;
using MassTransit;

namespace Marketplace.Payments.Disputes;

/// <summary>
/// Acts out what the acquirer said would happen to a charge once its money is in the Ledger (its
/// <see cref="Processor.CardAftermath"/>): an early fraud warning goes to Fraud; a Connect trigger card's effect goes
/// to Onboarding for the connected account the charge was for; a dispute opens — a chargeback takes
/// the money back through the Ledger at once, an inquiry takes nothing yet, a bank debit's dispute is lost as it opens
/// (the payer's bank takes a SEPA debit back on request: there is nothing to answer) — and the charge becomes disputed. Under
/// the charge's lock, so that a refund in flight and the dispute see each other. The inbox makes a redelivery a
/// no-op, and a charge has one dispute at most.
/// </summary>
public sealed class ChargeSettledConsumer(ConsumeTransaction transaction) : IConsumer<ChargeSettled>
{
    /// <summary>The time to answer a dispute: a week, the shortest window card networks give.</summary>
    static readonly TimeSpan ResponseWindow = TimeSpan.FromDays(7);

    public async Task Consume(ConsumeContext<ChargeSettled> context)
    {
        var message = context.Message;
        var charge = await ChargeStore.LockAsync(transaction.Transaction, message.AccountId, message.ChargeId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Charge {message.ChargeId} was settled but is not on account {message.AccountId}.");
        var aftermath = charge.ReadAftermath();
        if (aftermath.EarlyFraudWarning)
        {
            await context.Publish(new EarlyFraudWarningIssued
            {
                ChargeId = charge.Id,
                PaymentIntentId = charge.PaymentIntentId,
                PlatformId = charge.PlatformId,
                AccountId = charge.AccountId,
                // Stripe's early-fraud-warning test card names no type of fraud.
                FraudType = "misc",
                Actionable = !charge.Disputed && charge.AmountRefunded < charge.AmountCaptured,
                IssuedAt = DateTimeOffset.UtcNow,
            });
        }

        if (aftermath.DisputeReason is { } reason)
        {
            await OpenDisputeAsync(charge, reason, aftermath.Inquiry, context.CancellationToken);
        }

        if (aftermath.AccountTrigger is { } trigger && ConnectedAccountOf(charge) is { } account)
        {
            await context.Publish(new ConnectedAccountTriggered { PlatformId = charge.PlatformId, AccountId = account, Trigger = trigger, ChargeId = charge.Id });
        }
    }

    /// <summary>The connected account a charge was for, if any: its destination, its <c>on_behalf_of</c>, or the account it was made on.</summary>
    static string? ConnectedAccountOf(ChargeRow charge) =>
        charge.Destination ?? charge.OnBehalfOf ?? (charge.AccountId != charge.PlatformId ? charge.AccountId : null);

    async Task OpenDisputeAsync(ChargeRow charge, string reason, bool inquiry, CancellationToken cancellationToken)
    {
        // A customer disputes what they paid and were not given back.
        var amount = charge.AmountCaptured - charge.AmountRefunded;
        if (amount == 0)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var details = JsonSerializer.Deserialize<JsonElement>(charge.PaymentMethodDetails!, StripeJson.Options);
        var type = details.GetProperty("type").GetString()!;
        var card = type == "card";
        var dispute = new DisputeRow
        {
            Id = PrefixedId.New("dp", now),
            AccountId = charge.AccountId,
            PlatformId = charge.PlatformId,
            ChargeId = charge.Id,
            PaymentIntentId = charge.PaymentIntentId,
            Created = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).UtcDateTime,
            Amount = amount,
            Currency = charge.Currency,
            Reason = reason,
            Status = !card ? DisputeStatuses.Lost : inquiry ? DisputeStatuses.WarningNeedsResponse : DisputeStatuses.NeedsResponse,
            Inquiry = inquiry,
            PaymentMethodType = type,
            CardBrand = card ? details.GetProperty("card").GetProperty("brand").GetString() : null,
            Evidence = "{}",
            EvidenceDueBy = DateTimeOffset.FromUnixTimeSeconds((card ? now + ResponseWindow : now).ToUnixTimeSeconds()).UtcDateTime,
            Metadata = "{}",
        };
        if (!await DisputeStore.InsertAsync(transaction.Transaction, dispute, cancellationToken))
        {
            return;
        }

        await ChargeStore.DisputedAsync(transaction.Transaction, charge.Id, cancellationToken);
        await ChargeReviews.CloseAsync(transaction.Transaction, charge, "disputed", cancellationToken);
        if (!inquiry)
        {
            await DisputeLedger.WithdrawAsync(transaction.Transaction, dispute, cancellationToken);
        }

        await DisputeEvents.PublishAsync(transaction.Transaction, dispute, DisputeEvents.Created, cancellationToken);
    }
}
