using System.Globalization;
using Marketplace.Contracts.Fraud;

namespace Marketplace.Fraud.Scoring;

/// <summary>
/// A transparent additive score: a baseline of 5 plus points per signal, clamped to 0–100. The weights are
/// judgement, chosen so that one strong signal (a failed CVC) or two moderate ones (a foreign IP and a burst of
/// attempts on one card) reach <c>elevated</c>, and only an accumulation reaches <c>highest</c>; every point is
/// reported as a factor, so a blocked payment can always be explained. A test card that forces a level moves the
/// score into that level's band, and says so as a factor.
/// </summary>
public static class RiskScorer
{
    public const int Baseline = 5;

    public static RiskScore Score(RiskFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var factors = new List<RiskFactor>();

        if (features.CardCountry is { } card && features.IpCountry is { } ip && !string.Equals(card, ip, StringComparison.OrdinalIgnoreCase))
        {
            Add(factors, "card_ip_country_mismatch", 20, $"card issued in {card.ToUpperInvariant()}, payment from an IP address in {ip.ToUpperInvariant()}");
        }

        if (features.CardHourly is > 2 and var cardHourly)
        {
            Add(factors, "card_velocity", Math.Min(30, 10 * (cardHourly - 2)), $"{cardHourly} payments with this card in the last hour");
        }

        if (features.EmailDaily is > 5 and var emailDaily)
        {
            Add(factors, "email_velocity", Math.Min(20, 4 * (emailDaily - 5)), $"{emailDaily} payments with this email in the last day");
        }

        if (features.IpHourly is > 5 and var ipHourly)
        {
            Add(factors, "ip_velocity", Math.Min(20, 5 * (ipHourly - 5)), $"{ipHourly} payments from this IP address in the last hour");
        }

        if (features.AmountInEur is { } amount && features.CustomerPayments > 0 && features.CustomerAverageEur is > 0 and var average && amount > 3 * average)
        {
            var times = amount / average;
            Add(factors, "amount_above_customer_history", times > 10 ? 25 : 15,
                string.Create(CultureInfo.InvariantCulture, $"€{amount:0.##} is {times:0.#}× the customer's average of €{average:0.##}"));
        }

        if (features.IsNewCustomer is true)
        {
            Add(factors, "new_customer", 8, "the customer's first payment");
            if (features.AmountInEur is > 1000 and var large)
            {
                Add(factors, "large_first_payment", 10, string.Create(CultureInfo.InvariantCulture, $"a first payment of €{large:0.##}"));
            }
        }

        switch (features.CvcCheck)
        {
            case "fail":
                Add(factors, "cvc_check_failed", 30, "the CVC did not match");
                break;
            case "unavailable" or "unchecked":
                Add(factors, "cvc_check_unavailable", 5, $"the CVC check was {features.CvcCheck}");
                break;
        }

        if (features.AddressZipCheck == "fail")
        {
            Add(factors, "address_zip_check_failed", 10, "the postal code did not match");
        }

        if (features.AddressLine1Check == "fail")
        {
            Add(factors, "address_line1_check_failed", 5, "the street address did not match");
        }

        switch (features.CardFunding)
        {
            case "prepaid":
                Add(factors, "prepaid_card", 10, "a prepaid card");
                break;
            case "unknown":
                Add(factors, "unknown_card_funding", 5, "the card's funding is unknown");
                break;
        }

        if (features.Is3DSecure)
        {
            Add(factors, "three_d_secure_authenticated", -20, "the cardholder authenticated with 3D Secure");
        }

        var score = Math.Clamp(Baseline + factors.Sum(factor => factor.Contribution), 0, 100);
        if (features.ForcedRiskLevel is { } forced)
        {
            var (low, high) = forced switch
            {
                RiskLevels.Highest => (RiskLevels.HighestFrom + 10, 100),
                RiskLevels.Elevated => (RiskLevels.ElevatedFrom + 2, RiskLevels.HighestFrom - 1),
                _ => (0, RiskLevels.ElevatedFrom - 1),
            };
            var target = Math.Clamp(score, low, high);
            if (target != score)
            {
                Add(factors, "test_card", target - score, $"a Stripe test card with risk level {forced}");
                score = target;
            }
        }

        factors.Sort((a, b) => Math.Abs(b.Contribution).CompareTo(Math.Abs(a.Contribution)));
        return new RiskScore(score, RiskLevels.Of(score), factors);
    }

    static void Add(List<RiskFactor> factors, string name, int contribution, string detail) =>
        factors.Add(new RiskFactor { Name = name, Contribution = contribution, Detail = detail });
}
