using Marketplace.Fraud.Scoring;

namespace Marketplace.Fraud.Tests.Scoring;

/// <summary>The score adds up its factors, stays within 0–100, and test cards land in their documented level.</summary>
public sealed class RiskScorerTests
{
    static readonly RiskFeatures Quiet = new() { CardCountry = "FR", IpCountry = "FR", CvcCheck = "pass", CardFunding = "credit" };

    [Fact]
    public void Score_QuietPayment_IsTheBaselineWithoutFactors()
    {
        var score = RiskScorer.Score(Quiet);

        Assert.Equal((RiskScorer.Baseline, "normal"), (score.Score, score.Level));
        Assert.Empty(score.Factors);
    }

    [Theory]
    [InlineData("card_ip_country_mismatch", 20)]
    [InlineData("card_velocity", 30)]
    [InlineData("email_velocity", 20)]
    [InlineData("ip_velocity", 20)]
    [InlineData("amount_above_customer_history", 25)]
    [InlineData("cvc_check_failed", 30)]
    [InlineData("address_zip_check_failed", 10)]
    [InlineData("address_line1_check_failed", 5)]
    [InlineData("prepaid_card", 10)]
    [InlineData("three_d_secure_authenticated", -20)]
    public void Score_OneSignal_AddsItsFactor(string factor, int contribution)
    {
        var features = factor switch
        {
            "card_ip_country_mismatch" => Quiet with { IpCountry = "US" },
            "card_velocity" => Quiet with { CardHourly = 9 },
            "email_velocity" => Quiet with { EmailDaily = 40 },
            "ip_velocity" => Quiet with { IpHourly = 40 },
            "amount_above_customer_history" => Quiet with { AmountInEur = 5000, CustomerPayments = 4, CustomerAverageEur = 100 },
            "cvc_check_failed" => Quiet with { CvcCheck = "fail" },
            "address_zip_check_failed" => Quiet with { AddressZipCheck = "fail" },
            "address_line1_check_failed" => Quiet with { AddressLine1Check = "fail" },
            "prepaid_card" => Quiet with { CardFunding = "prepaid" },
            _ => Quiet with { Is3DSecure = true },
        };

        var score = RiskScorer.Score(features);

        var only = Assert.Single(score.Factors);
        Assert.Equal((factor, contribution), (only.Name, only.Contribution));
        Assert.Equal(Math.Clamp(RiskScorer.Baseline + contribution, 0, 100), score.Score);
    }

    [Fact]
    public void Score_EverySignalAtOnce_IsCappedAt100()
    {
        var score = RiskScorer.Score(new RiskFeatures
        {
            CardCountry = "US", IpCountry = "NG", CvcCheck = "fail", AddressZipCheck = "fail", CardFunding = "prepaid",
            CardHourly = 50, EmailDaily = 50, IpHourly = 50, IsNewCustomer = true, AmountInEur = 9000,
        });

        Assert.Equal((100, "highest"), (score.Score, score.Level));
    }

    [Theory]
    [InlineData("highest", 85, 100)]
    [InlineData("elevated", 67, 74)]
    public void Score_TestCardForcingALevel_LandsInItsBandAndSaysSo(string level, int low, int high)
    {
        var score = RiskScorer.Score(Quiet with { ForcedRiskLevel = level });

        Assert.Equal(level, score.Level);
        Assert.InRange(score.Score, low, high);
        Assert.Equal("test_card", Assert.Single(score.Factors).Name);
    }

    [Theory]
    [InlineData(64, "normal")]
    [InlineData(65, "elevated")]
    [InlineData(74, "elevated")]
    [InlineData(75, "highest")]
    public void Level_AtTheBoundaries_FollowsRadar(int score, string level) => Assert.Equal(level, RiskLevels.Of(score));
}
