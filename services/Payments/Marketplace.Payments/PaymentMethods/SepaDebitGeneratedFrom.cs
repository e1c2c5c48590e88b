namespace Marketplace.Payments.PaymentMethods;

/// <summary>Stripe's <c>sepa_debit.generated_from</c>: the charge or setup attempt an IBAN was taken from.</summary>
public sealed record SepaDebitGeneratedFrom(string? Charge, string? SetupAttempt);
