using System.Collections.Frozen;

namespace Marketplace.Payments.PaymentMethods;

/// <summary>
/// Stripe's test PaymentMethod ids (<c>pm_card_visa</c>…) and their <c>tok_</c> twins (docs.stripe.com/testing),
/// each naming a test card. Using one creates a new payment method from that card, as Stripe does.
/// <para>
/// Wallet cards are ours: Stripe documents no test id for a card from Apple Pay or Google Pay (its test wallets run in
/// a browser). Any of the names here followed by <c>_applePay</c> or <c>_googlePay</c> — <c>pm_card_visa_applePay</c>,
/// <c>tok_mastercard_googlePay</c> — gives the same card with <c>card.wallet</c> set to that wallet.
/// </para>
/// </summary>
internal static class TestPaymentMethods
{
    /// <summary>Stripe's "already set up for off-session" card: off-session payments succeed as if it had been set up.</summary>
    const string AlreadySetUp = "4000003800000446";

    static readonly (string Suffix, string Wallet)[] Wallets = [("_applePay", "apple_pay"), ("_googlePay", "google_pay")];

    /// <summary>The name after <c>pm_card_</c> or <c>tok_</c>, and its number.</summary>
    static readonly FrozenDictionary<string, string> Cards = new Dictionary<string, string>
    {
        ["visa"] = "4242424242424242",
        ["visa_debit"] = "4000056655665556",
        ["mastercard"] = "5555555555554444",
        ["mastercard_debit"] = "5200828282828210",
        ["mastercard_prepaid"] = "5105105105105100",
        ["amex"] = "378282246310005",
        ["discover"] = "6011111111111117",
        ["diners"] = "3056930009020004",
        ["jcb"] = "3566002020360505",
        ["unionpay"] = "6200000000000005",
        ["us"] = "4242424242424242",
        ["fr"] = "4000002500000003",
        ["be"] = "4000000560000004",
        ["nl"] = "4000005280000002",
        ["de"] = "4000002760000016",
        ["es"] = "4000007240000007",
        ["it"] = "4000003800000008",
        ["gb"] = "4000008260000000",
        ["ca"] = "4000001240000000",
        ["br"] = "4000000760000002",
        ["mx"] = "4000004840008001",
        ["bypassPending"] = "4000000000000077",
        ["chargeCustomerFail"] = "4000000000000341",
        ["chargeDeclined"] = "4000000000000002",
        ["visa_chargeDeclined"] = "4000000000000002",
        ["chargeDeclinedInsufficientFunds"] = "4000000000009995",
        ["visa_chargeDeclinedInsufficientFunds"] = "4000000000009995",
        ["chargeDeclinedLostCard"] = "4000000000009987",
        ["visa_chargeDeclinedLostCard"] = "4000000000009987",
        ["chargeDeclinedStolenCard"] = "4000000000009979",
        ["visa_chargeDeclinedStolenCard"] = "4000000000009979",
        ["chargeDeclinedExpiredCard"] = "4000000000000069",
        ["chargeDeclinedIncorrectCvc"] = "4000000000000127",
        ["chargeDeclinedProcessingError"] = "4000000000000119",
        ["chargeDeclinedVelocityLimitExceeded"] = "4000000000006975",
        ["visa_chargeDeclinedVelocityLimitExceeded"] = "4000000000006975",
        ["radarBlock"] = "4100000000000019",
        ["riskLevelHighest"] = "4000000000004954",
        ["riskLevelElevated"] = "4000000000009235",
        ["cvcCheckFail"] = "4000000000000101",
        ["avsFail"] = "4000000000000010",
        ["avsLine1Fail"] = "4000000000000028",
        ["avsZipFail"] = "4000000000000036",
        ["avsUnchecked"] = "4000000000000044",
        ["authenticationRequired"] = "4000002760003184",
        ["authenticationRequiredOnSetup"] = "4000002500003155",
        ["authenticationRequiredSetupForOffSession"] = AlreadySetUp,
        ["threeDSecure2Required"] = "4000000000003220",
        ["threeDSecureRequiredChargeDeclined"] = "4000008400001629",
        ["threeDSecureOptional"] = "4000000000003055",
        ["amex_threeDSecureNotSupported"] = "378282246310005",
        ["createDispute"] = "4000000000000259",
        ["createDisputeProductNotReceived"] = "4000000000002685",
        ["createDisputeInquiry"] = "4000000000001976",
        ["createIssuerFraudRecord"] = "4000000000005423",
        ["pendingRefund"] = "4000000000007726",
        ["refundFail"] = "4000000000005126",
        ["visa_triggerNextRequirements"] = "4000000000004202",
        ["visa_triggerChargeBlock"] = "4000000000004210",
        ["visa_triggerPayoutBlock"] = "4000000000004236",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The test card a <c>pm_card_…</c> id names.</summary>
    public static bool TryFindPaymentMethod(string id, out TestCardName card) => TryFind(id, "pm_card_", out card);

    /// <summary>The test card a <c>tok_…</c> token names.</summary>
    public static bool TryFindToken(string token, out TestCardName card) => TryFind(token, "tok_", out card);

    /// <summary>Whether a method made from <paramref name="number"/> counts as set up for off-session use from the start.</summary>
    public static bool IsSetUpFromTheStart(string number) => number == AlreadySetUp;

    static bool TryFind(string value, string prefix, out TestCardName card)
    {
        card = new TestCardName("", null);
        if (!value.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var name = value[prefix.Length..];
        string? wallet = null;
        foreach (var (suffix, type) in Wallets)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                (name, wallet) = (name[..^suffix.Length], type);
            }
        }

        if (!Cards.TryGetValue(name, out var number))
        {
            return false;
        }

        card = new TestCardName(number, wallet);
        return true;
    }
}
