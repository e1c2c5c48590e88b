using Marketplace.Ledger.Journal;

namespace Marketplace.Ledger.PostingRules;

/// <summary>
/// The ledger accounts the posting rules use. An owner's money sits in <c>pending</c> (not yet settled),
/// <c>available</c> (can be paid out or transferred), <c>connect_reserved</c> (held back from a connected account) and
/// <c>payout_in_transit</c> (set aside for a payout on its way, which no longer counts in the balance).
/// The <c>system:</c> accounts are the other side of money entering and leaving: the processor's settlement, the
/// processing and dispute fees it keeps, disputed funds held, operators' corrections, currency conversion, the bank rails of payouts and top-ups.
/// </summary>
public static class LedgerAccounts
{
    public const string Pending = "pending";
    public const string Available = "available";
    public const string ConnectReserved = "connect_reserved";
    public const string PayoutInTransit = "payout_in_transit";

    public static LedgerAccount PendingOf(string owner, string currency) => new(owner, currency, Pending);

    public static LedgerAccount AvailableOf(string owner, string currency) => new(owner, currency, Available);

    public static LedgerAccount PayoutInTransitOf(string owner, string currency) => new(owner, currency, PayoutInTransit);

    public static LedgerAccount ConnectReservedOf(string owner, string currency) => new(owner, currency, ConnectReserved);

    /// <summary>What the card processor owes us for captured charges (and we owe it for refunds).</summary>
    public static LedgerAccount ProcessorClearing(string currency) => new("system:processor", currency, "clearing");

    /// <summary>The processing fees charged on payments: the processor's revenue, the platform's cost.</summary>
    public static LedgerAccount ProcessingFees(string currency) => new("system:processor", currency, "fees");

    /// <summary>Disputed funds held back from the account a charge was on, until the dispute is won or lost.</summary>
    public static LedgerAccount Disputes(string currency) => new(DisputesOwner, currency, "held");

    public const string DisputesOwner = "system:disputes";

    /// <summary>The other side of operators' corrections: what the platform's operator gave (negative) or took back.</summary>
    public static LedgerAccount Adjustments(string currency) => new("system:adjustments", currency, "corrections");

    /// <summary>Currency conversion: takes in the currency a movement arrived in and pays out the settlement currency (its balance is the FX margin and exposure).</summary>
    public static LedgerAccount FxConversion(string currency) => new("system:fx", currency, "conversion");

    /// <summary>Money on its way out to sellers' banks (payouts) or in from a platform's bank (top-ups).</summary>
    public static LedgerAccount BankClearing(string currency) => new("system:bank", currency, "clearing");
}
