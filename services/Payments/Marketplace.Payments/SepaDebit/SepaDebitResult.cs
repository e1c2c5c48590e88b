namespace Marketplace.Payments.SepaDebit;

/// <summary>What the simulated scheme does with a debit from one IBAN: settle or return it, and whether only after the long delay.</summary>
internal sealed record SepaDebitResult(bool Settles, bool Late);
