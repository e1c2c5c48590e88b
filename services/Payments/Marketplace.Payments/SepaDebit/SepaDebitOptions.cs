namespace Marketplace.Payments.SepaDebit;

/// <summary><c>Payments:SepaDebit</c>: how long the simulated SEPA scheme takes to settle or return a debit.</summary>
public sealed class SepaDebitOptions
{
    public const string Section = "Payments:SepaDebit";

    /// <summary>Stripe's test debits leave <c>processing</c> within seconds; real ones take days, which no one waits for here.</summary>
    public TimeSpan SettlementDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The "after at least three minutes" test IBANs.</summary>
    public TimeSpan LateSettlementDelay { get; set; } = TimeSpan.FromMinutes(3);
}
