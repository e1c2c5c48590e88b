using Dapper;
using Marketplace.Contracts.Fraud;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Payments.Charges;

/// <summary>
/// Shows a manual review on the charge and on its payment intent, where neither has a review yet (a charge is
/// reviewed once: Fraud refuses a second). The inbox makes a redelivery a no-op; the charge goes ahead meanwhile, as
/// under any review.
/// </summary>
public sealed class ChargePlacedInReviewConsumer(ConsumeTransaction transaction) : IConsumer<ChargePlacedInReview>
{
    public Task Consume(ConsumeContext<ChargePlacedInReview> context) =>
        transaction.Connection.ExecuteAsync(new CommandDefinition(
            """
            WITH charge AS (
                UPDATE charges SET review_id = @ReviewId
                WHERE id = @ChargeId AND account_id = @AccountId AND platform_id = @PlatformId AND review_id IS NULL
                RETURNING payment_intent_id)
            UPDATE payment_intents SET review_id = @ReviewId WHERE id IN (SELECT payment_intent_id FROM charge) AND review_id IS NULL
            """,
            context.Message, transaction.Transaction, cancellationToken: context.CancellationToken));
}
