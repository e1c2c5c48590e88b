using Marketplace.Contracts.Fraud;
using MassTransit;

namespace Marketplace.Payments.PaymentSaga;

/// <summary>
/// One attempt to collect a payment intent (one charge), from confirm to where it rests. The business state lives
/// in the <c>charges</c> and <c>payment_intents</c> rows, written in the same transaction as this; the saga keeps
/// only what routes its next message.
/// </summary>
public sealed class PaymentAttemptState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }

    public int Version { get; set; }

    public string CurrentState { get; set; } = null!;

    public string ChargeId { get; set; } = null!;

    public string PaymentIntentId { get; set; } = null!;

    /// <summary>Fraud's part of the charge's outcome, kept for the issuer's answer to complete it.</summary>
    public AssessmentOutcome? Assessment { get; set; }

    /// <summary>The review Fraud opened for the payment, if it did.</summary>
    public string? ReviewId { get; set; }

    /// <summary>The payer completed the attempt's challenge.</summary>
    public bool Authenticated { get; set; }

    /// <summary>The method authorises on a bank's page (ideal, bancontact, paypal), not through the card acquirer.</summary>
    public bool Redirected { get; set; }

    /// <summary>The method is a bank debit (sepa_debit): the scheme, not the card acquirer, collects it.</summary>
    public bool BankDebit { get; set; }

    /// <summary>The debit's IBAN is one of Stripe's test accounts that settle or fail only after the long delay.</summary>
    public bool SettlesLate { get; set; }

    /// <summary>The token of the scheduled <see cref="SepaDebitDue"/>.</summary>
    public Guid? DebitSettlementTokenId { get; set; }

    /// <summary>The token of the scheduled <see cref="FraudAssessmentOverdue"/>, to cancel it when Fraud answers.</summary>
    public Guid? AssessmentDeadlineTokenId { get; set; }

    /// <summary>The token of the scheduled <see cref="AuthorizationExpired"/>, to cancel it when the payment is captured or canceled.</summary>
    public Guid? AuthorizationExpiryTokenId { get; set; }
}
