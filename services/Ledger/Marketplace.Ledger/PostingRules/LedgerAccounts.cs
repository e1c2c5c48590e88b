using Marketplace.Ledger.Journal;

namespace Marketplace.Ledger.PostingRules;

/// <summary>
/// The ledger accounts the posting rules use. An owner's money sits in <c>pending</c> (not yet settled),
/// <c>available</c> (can be paid out or transferred) and <c>reserved</c> (held for a payout or <c>connect_reserved</c>).
/// The <c>system:</c> accounts are the other side of money entering and leaving: the processor's settlement, the
/// processing fees it keeps, the bank rails of payouts and top-ups.
/// </summary>
public static class LedgerAccounts
{
    public const string Pending = "pending";
    public const string Available = "available";
    public const string Reserved = "reserved";

    public static LedgerAccount PendingOf(string owner, string currency) => new(owner, currency, Pending);

    public static LedgerAccount AvailableOf(string owner, string currency) => new(owner, currency, Available);

    public static LedgerAccount ReservedOf(string owner, string currency) => new(owner, currency, Reserved);

    /// <summary>What the card processor owes us for captured charges (and we owe it for refunds).</summary>
    public static LedgerAccount ProcessorClearing(string currency) => new("system:processor", currency, "clearing");

    /// <summary>The processing fees charged on payments: the processor's revenue, the platform's cost.</summary>
    public static LedgerAccount ProcessingFees(string currency) => new("system:processor", currency, "fees");

    /// <summary>Money on its way out to sellers' banks (payouts) or in from a platform's bank (top-ups).</summary>
    public static LedgerAccount BankClearing(string currency) => new("system:bank", currency, "clearing");
}
