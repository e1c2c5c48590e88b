using Marketplace.Api.Context;
using Marketplace.Payments.Processor;
using Marketplace.Payments.Vault;
using Npgsql;

namespace Marketplace.Payments.PaymentMethods;

/// <summary>Finds the payment method a payment names, as Stripe does: one of the account's, or a new one made from a test id's card.</summary>
internal static class PaymentMethodLookup
{
    /// <summary>
    /// The account's payment method <paramref name="id"/>, locked until the transaction ends; for one of Stripe's test
    /// ids (<c>pm_card_visa</c>) a new, unattached method made from its card. Null when the account has no such method.
    /// </summary>
    public static async Task<PaymentMethod?> FindAsync(
        NpgsqlTransaction transaction, RequestContext context, string id, CardVault vault, IAcquirer acquirer, CancellationToken cancellationToken)
    {
        if (!TestPaymentMethods.TryFindPaymentMethod(id, out var number))
        {
            return await PaymentMethodStore.LockAsync(transaction, context.AccountId, id, cancellationToken);
        }

        var now = DateTimeOffset.UtcNow;
        return await PaymentMethodsApi.InsertAsync(transaction, context with { IdempotencyKey = null }, vault, acquirer,
            CardDetails.ForTestCard(number, now), new BillingDetails(), new Dictionary<string, string>(), now, cancellationToken);
    }
}
