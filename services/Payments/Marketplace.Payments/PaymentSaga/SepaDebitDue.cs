namespace Marketplace.Payments.PaymentSaga;

/// <summary>Scheduled when a SEPA debit is submitted: on arrival the scheme has settled or returned it.</summary>
public sealed record SepaDebitDue
{
    public required string ChargeId { get; init; }
}
