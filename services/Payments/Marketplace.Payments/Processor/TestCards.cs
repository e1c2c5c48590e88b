using System.Collections.Frozen;
using Marketplace.Contracts.Accounts;

namespace Marketplace.Payments.Processor;

/// <summary>
/// Stripe's test cards (docs.stripe.com/testing, /radar/testing), as ../shared/stripe-test-values.md lists them, plus
/// Stripe's address-check and funding cards. A number not listed here that passes Luhn is a good US credit card.
/// </summary>
internal static class TestCards
{
    static readonly TestCard[] All =
    [
        new("4242424242424242"),
        new("5555555555554444"),
        new("378282246310005"),
        new("6011111111111117"),
        new("3056930009020004"),
        new("3566002020360505"),
        new("6200000000000005") { Country = "CN" },
        new("4000056655665556") { Funding = "debit" },
        new("5200828282828210") { Funding = "debit" },
        new("5105105105105100") { Funding = "prepaid" },
        new("4000002500000003") { Country = "FR" },
        new("4000000560000004") { Country = "BE" },
        new("4000005280000002") { Country = "NL" },
        new("4000002760000016") { Country = "DE" },
        new("4000007240000007") { Country = "ES" },
        new("4000003800000008") { Country = "IT" },
        new("4000008260000000") { Country = "GB" },
        new("4000001240000000") { Country = "CA" },
        new("4000000760000002") { Country = "BR" },
        new("4000004840008001") { Country = "MX" },
        new("4000000000000002") { Decline = CardDecline.Declined("generic_decline") },
        new("4000000000009995") { Decline = CardDecline.Declined("insufficient_funds", "Your card has insufficient funds.") },
        new("4000000000009987") { Decline = CardDecline.Declined("lost_card") },
        new("4000000000009979") { Decline = CardDecline.Declined("stolen_card") },
        new("4000000000000069") { Decline = new("expired_card", null, "Your card has expired.") },
        new("4000000000000127") { CvcFails = true, DeclineOnCvc = true },
        new("4000000000000119") { Decline = new("processing_error", null, "An error occurred while processing your card. Try again in a little bit.") },
        new("4000000000006975") { Decline = CardDecline.Declined("card_velocity_exceeded") },
        new("4000000000000341") { ChargeDeclined = true },
        new("4100000000000019") { RiskLevel = "highest", AlwaysBlocked = true },
        new("4000000000004954") { RiskLevel = "highest" },
        new("4000000000009235") { RiskLevel = "elevated" },
        new("4000000000000101") { CvcFails = true },
        new("4000000000000010") { AddressLine1Check = "fail", AddressPostalCodeCheck = "fail" },
        new("4000000000000028") { AddressLine1Check = "fail" },
        new("4000000000000036") { AddressPostalCodeCheck = "fail" },
        new("4000000000000044") { AddressLine1Check = "unavailable", AddressPostalCodeCheck = "unavailable" },
        new("4000002760003184") { Country = "DE", ThreeDSecure = ThreeDSecureRequirement.Required },
        new("4000002500003155") { Country = "FR", ThreeDSecure = ThreeDSecureRequirement.RequiredUnlessSetUp },
        // Stripe's "already set up" card: a payment method made from it counts as set up (TestPaymentMethods).
        new("4000003800000446") { Country = "IT", ThreeDSecure = ThreeDSecureRequirement.RequiredUnlessSetUp },
        new("4000000000003220") { ThreeDSecure = ThreeDSecureRequirement.Required },
        new("4000008400001629") { ThreeDSecure = ThreeDSecureRequirement.RequiredThenDeclined },
        new("4000000000003055") { ThreeDSecure = ThreeDSecureRequirement.Optional },
        new("4000000000000259") { Aftermath = new(DisputeReason: "fraudulent") },
        new("4000000000002685") { Aftermath = new(DisputeReason: "product_not_received") },
        new("4000000000001976") { Aftermath = new(DisputeReason: "fraudulent", Inquiry: true) },
        new("4000000000005423") { Aftermath = new(EarlyFraudWarning: true) },
        new("4000000000007726") { Aftermath = new(Refund: RefundBehavior.PendingThenSucceeds) },
        new("4000000000005126") { Aftermath = new(Refund: RefundBehavior.SucceedsThenFails) },
        new("4000000000000077") { Aftermath = new(AvailableImmediately: true) },
        new("4000000000004202") { Aftermath = new(AccountTrigger: ConnectedAccountTriggered.NextRequirements) },
        new("4000000000004210") { Aftermath = new(AccountTrigger: ConnectedAccountTriggered.ChargeBlock) },
        new("4000000000004236") { Aftermath = new(AccountTrigger: ConnectedAccountTriggered.PayoutBlock) },
    ];

    static readonly FrozenDictionary<string, TestCard> ByNumber = All.ToFrozenDictionary(card => card.Number, StringComparer.Ordinal);

    public static TestCard Find(string number) => ByNumber.TryGetValue(number, out var card) ? card : new TestCard(number);
}
