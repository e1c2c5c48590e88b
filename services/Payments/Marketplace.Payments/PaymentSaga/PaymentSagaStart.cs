using System.Text.Json;
using Marketplace.Api.Objects;
using Marketplace.Contracts.Fraud;
using Marketplace.Messaging.Outbox;
using Marketplace.Messaging.Sagas;
using Marketplace.Payments.Charges;
using Marketplace.Payments.PaymentMethods;
using Marketplace.Payments.Vault;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Payments.PaymentSaga;

/// <summary>
/// The payment saga's first step, taken by the confirm in its own transaction: Fraud is asked to assess the attempt
/// (its answer comes to the saga's endpoint), Fraud's deadline is scheduled, and the saga is written waiting for the
/// answer, in <see cref="PaymentStateMachine.Assessing"/>. All of it commits with the attempt's charge, or none of it
/// does. A message that only started the saga cost a publish, a delivery and a consume transaction per payment, and
/// the confirm's latency one trip through the broker (decision 0023).
/// </summary>
public sealed class PaymentSagaStart(
    CardVault vault, IOptions<PaymentSagaOptions> options, IEndpointNameFormatter endpointNames, TimeProvider time)
{
    /// <summary>The state the saga begins in: the name MassTransit gives <see cref="PaymentStateMachine.Assessing"/>.</summary>
    public const string FirstState = nameof(PaymentStateMachine.Assessing);

    public async Task BeginAsync(NpgsqlTransaction transaction, ChargeRow charge, PaymentMethod method, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(charge);
        ArgumentNullException.ThrowIfNull(method);
        var saga = new Uri($"exchange:{endpointNames.Saga<PaymentAttemptState>()}");
        await transaction.SendRequestAsync(AssessPayment.Address, await AssessmentRequestAsync(transaction, charge, method, cancellationToken), saga,
            cancellationToken);
        var deadline = await transaction.ScheduleSendAsync(saga, new FraudAssessmentOverdue { ChargeId = charge.Id },
            time.GetUtcNow() + options.Value.FraudDeadline, cancellationToken);
        var started = await transaction.InsertSagaAsync(new PaymentAttemptState
        {
            CorrelationId = PaymentSagaId.For(charge.Id),
            CurrentState = FirstState,
            ChargeId = charge.Id,
            PaymentIntentId = charge.PaymentIntentId,
            AssessmentDeadlineTokenId = deadline,
        }, cancellationToken);
        if (!started)
        {
            throw new InvalidOperationException($"The payment saga of charge {charge.Id} exists already; a charge has one attempt.");
        }
    }

    /// <summary>Fraud's request for the attempt: the card as the acquirer knows it, never its number.</summary>
    async Task<AssessPayment> AssessmentRequestAsync(
        NpgsqlTransaction transaction, ChargeRow charge, PaymentMethod method, CancellationToken cancellationToken)
    {
        var card = method.Card;
        var bin = card is null ? null : vault.Open(await VaultStore.GetAsync(transaction,
            await PaymentMethodStore.VaultEntryIdAsync(transaction, method.Id, cancellationToken), cancellationToken))[..6];
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
}
