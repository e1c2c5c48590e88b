namespace Marketplace.Payments.SepaDebit;

/// <summary>
/// What the simulated scheme does with a debit from one IBAN: settle or return it, whether only after the long delay,
/// and whether the payer then disputes it with their bank.
/// </summary>
internal sealed record SepaDebitResult(bool Settles, bool Late, bool Disputed = false);
