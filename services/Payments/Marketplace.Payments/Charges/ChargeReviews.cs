using Marketplace.Contracts.Fraud;
using Marketplace.Messaging.Outbox;
using Npgsql;

namespace Marketplace.Payments.Charges;

/// <summary>
/// Radar closes a payment's review when the payment is refunded (<c>refunded</c>, or <c>refunded_as_fraud</c> for a
/// refund with reason <c>fraudulent</c>) or disputed: Payments tells Fraud, in the transaction that refunds or opens
/// the dispute, for a charge that has a review.
/// </summary>
internal static class ChargeReviews
{
    public static Task CloseAsync(NpgsqlTransaction transaction, ChargeRow charge, string reason, CancellationToken cancellationToken) =>
        charge.ReviewId is null
            ? Task.CompletedTask
            : transaction.SendAsync(CloseReview.Address, new CloseReview { PlatformId = charge.PlatformId, PaymentId = charge.Id, Reason = reason }, cancellationToken);
}
