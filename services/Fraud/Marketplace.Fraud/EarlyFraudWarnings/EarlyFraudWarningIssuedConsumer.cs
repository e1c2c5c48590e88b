using Marketplace.Api.Objects;
using Marketplace.Contracts.Fraud;
using Marketplace.Data;
using Marketplace.Fraud.Objects;
using Marketplace.Messaging.Inbox;
using MassTransit;

namespace Marketplace.Fraud.EarlyFraudWarnings;

/// <summary>
/// Records an issuer's early fraud warning once per charge and raises <c>radar.early_fraud_warning.created</c> in
/// the same transaction; a second report of the same charge changes nothing and raises nothing.
/// </summary>
public sealed class EarlyFraudWarningIssuedConsumer(ConsumeTransaction transaction) : IConsumer<EarlyFraudWarningIssued>
{
    public async Task Consume(ConsumeContext<EarlyFraudWarningIssued> context)
    {
        var issued = context.Message;
        var row = new EarlyFraudWarningRow
        {
            Id = PrefixedId.New("issfr", issued.IssuedAt),
            AccountId = issued.AccountId,
            Charge = issued.ChargeId,
            PaymentIntent = issued.PaymentIntentId,
            FraudType = issued.FraudType,
            Actionable = issued.Actionable,
            Created = DateTimeOffset.FromUnixTimeSeconds(issued.IssuedAt.ToUnixTimeSeconds()).UtcDateTime,
        };
        if (await EarlyFraudWarningStore.InsertAsync(transaction.Transaction, issued.PlatformId, row, context.CancellationToken))
        {
            await context.Publish(FraudApiEvents.Create(
                FraudApiEvents.EarlyFraudWarningCreated, issued.PlatformId, issued.AccountId, StripeJson.Serialize(row.ToWarning())));
        }
    }
}
