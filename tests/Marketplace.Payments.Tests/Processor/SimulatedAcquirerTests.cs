using Marketplace.Payments.Processor;
using Microsoft.Extensions.Options;

namespace Marketplace.Payments.Tests.Processor;

/// <summary>Every card of stripe-test-values.md, through the simulator, with the outcome Stripe documents for it.</summary>
public sealed class SimulatedAcquirerTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    static readonly SimulatedAcquirer Acquirer = new(Options.Create(new SimulatorOptions()));

    public static TheoryData<string, string, string> SucceedingCards => new()
    {
        { "4242424242424242", "visa", "US" },
        { "5555555555554444", "mastercard", "US" },
        { "378282246310005", "amex", "US" },
        { "4000002500000003", "visa", "FR" },
        { "4000000560000004", "visa", "BE" },
        { "4000005280000002", "visa", "NL" },
        { "4000002760000016", "visa", "DE" },
        { "4000007240000007", "visa", "ES" },
        { "4000003800000008", "visa", "IT" },
        { "4000008260000000", "visa", "GB" },
        { "4000001240000000", "visa", "CA" },
        { "4000000760000002", "visa", "BR" },
        { "4000004840008001", "visa", "MX" },
        { "4000000000009235", "visa", "US" },
        { "4000000000004954", "visa", "US" },
        { "4100000000000019", "visa", "US" },
        { "4000000000000101", "visa", "US" },
        { "4000000000003055", "visa", "US" },
        { "4000000000000259", "visa", "US" },
        { "4000000000002685", "visa", "US" },
        { "4000000000001976", "visa", "US" },
        { "4000000000005423", "visa", "US" },
        { "4000000000007726", "visa", "US" },
        { "4000000000005126", "visa", "US" },
        { "4000000000000077", "visa", "US" },
        { "4111111111111111", "visa", "US" },
    };

    [Theory]
    [MemberData(nameof(SucceedingCards))]
    public async Task Authorize_WithAGoodCard_IsApprovedAndProfiled(string number, string brand, string country)
    {
        var result = await Acquirer.AuthorizeAsync(new AuthorizationRequest(number, "123", 1000, "usd"), Cancellation);

        Assert.Equal(AuthorizationStatus.Approved, result.Status);
        Assert.StartsWith("simauth_", result.AuthorizationId);
        Assert.Null(result.Decline);
        var profile = Acquirer.Inspect(number);
        Assert.Equal(brand, profile.Brand);
        Assert.Equal(country, profile.Country);
    }

    public static TheoryData<string, string, string?> DecliningCards => new()
    {
        { "4000000000000002", "card_declined", "generic_decline" },
        { "4000000000009995", "card_declined", "insufficient_funds" },
        { "4000000000009987", "card_declined", "lost_card" },
        { "4000000000009979", "card_declined", "stolen_card" },
        { "4000000000000069", "expired_card", null },
        { "4000000000000127", "incorrect_cvc", null },
        { "4000000000000119", "processing_error", null },
        { "4242424242424241", "incorrect_number", null },
        { "4000000000006975", "card_declined", "card_velocity_exceeded" },
        { "4000000000000341", "card_declined", "generic_decline" },
    };

    [Theory]
    [MemberData(nameof(DecliningCards))]
    public async Task Authorize_WithADecliningCard_ReturnsTheDocumentedCodes(string number, string code, string? declineCode)
    {
        var result = await Acquirer.AuthorizeAsync(new AuthorizationRequest(number, "123", 1000, "usd"), Cancellation);

        Assert.Equal(AuthorizationStatus.Declined, result.Status);
        Assert.Null(result.AuthorizationId);
        Assert.Equal(code, result.Decline!.Code);
        Assert.Equal(declineCode, result.Decline.DeclineCode);
        Assert.False(string.IsNullOrEmpty(result.Decline.Message));
    }

    [Fact]
    public async Task Authorize_IncorrectCvcCardWithoutCvc_IsApproved()
    {
        var result = await Acquirer.AuthorizeAsync(new AuthorizationRequest("4000000000000127", null, 1000, "usd"), Cancellation);

        Assert.Equal(AuthorizationStatus.Approved, result.Status);
        Assert.Null(result.Checks.Cvc);
    }

    [Theory]
    [InlineData("4000000000000101", "fail", "pass", "pass")]
    [InlineData("4000000000000127", "fail", "pass", "pass")]
    [InlineData("4000000000000010", "pass", "fail", "fail")]
    [InlineData("4000000000000028", "pass", "fail", "pass")]
    [InlineData("4000000000000036", "pass", "pass", "fail")]
    [InlineData("4000000000000044", "pass", "unavailable", "unavailable")]
    [InlineData("4242424242424242", "pass", "pass", "pass")]
    public void Verify_ReportsTheCardsChecks(string number, string cvc, string line1, string postalCode)
    {
        var checks = Acquirer.Verify(number, "123", "1 Main St", "94107");

        Assert.Equal(new VerificationChecks(cvc, line1, postalCode), checks);
    }

    [Fact]
    public void Verify_WithNothingGiven_ChecksNothing() =>
        Assert.Equal(new VerificationChecks(null, null, null), Acquirer.Verify("4000000000000101", null, null, null));

    public static TheoryData<string, bool, bool, AuthorizationStatus> ThreeDSecureCases => new()
    {
        { "4000002760003184", false, false, AuthorizationStatus.RequiresAuthentication },
        { "4000002760003184", false, true, AuthorizationStatus.RequiresAuthentication },
        { "4000002760003184", true, false, AuthorizationStatus.Approved },
        { "4000002500003155", false, false, AuthorizationStatus.RequiresAuthentication },
        { "4000002500003155", false, true, AuthorizationStatus.Approved },
        { "4000000000003220", false, false, AuthorizationStatus.RequiresAuthentication },
        { "4000000000003220", true, false, AuthorizationStatus.Approved },
        { "4000008400001629", false, false, AuthorizationStatus.RequiresAuthentication },
        { "4000008400001629", true, false, AuthorizationStatus.Declined },
        { "4000000000003055", false, false, AuthorizationStatus.Approved },
    };

    [Theory]
    [MemberData(nameof(ThreeDSecureCases))]
    public async Task Authorize_With3dsCard_FollowsTheIssuersRequirement(string number, bool authenticated, bool setUp, AuthorizationStatus expected)
    {
        var request = new AuthorizationRequest(number, null, 1000, "eur", ThreeDSecureCompleted: authenticated, SetUpForOffSession: setUp);

        var result = await Acquirer.AuthorizeAsync(request, Cancellation);

        Assert.Equal(expected, result.Status);
    }

    [Theory]
    [InlineData("4100000000000019", "highest", true)]
    [InlineData("4000000000004954", "highest", false)]
    [InlineData("4000000000009235", "elevated", false)]
    [InlineData("4242424242424242", null, false)]
    public void Inspect_RiskCards_CarryTheirRiskAsDataOnly(string number, string? riskLevel, bool alwaysBlocked)
    {
        var profile = Acquirer.Inspect(number);

        Assert.Equal(riskLevel, profile.RiskLevel);
        Assert.Equal(alwaysBlocked, profile.AlwaysBlocked);
    }

    [Fact]
    public async Task Verify_ChargeFailingCard_PassesTheVerificationButNotACharge()
    {
        Assert.True(Acquirer.Inspect("4000000000000341").ChargeDeclined);
        Assert.True((await Acquirer.AuthorizeAsync(new AuthorizationRequest("4000000000000341", null, 0, "usd", IsVerification: true), Cancellation)).Approved);
        Assert.False((await Acquirer.AuthorizeAsync(new AuthorizationRequest("4000000000000341", null, 1000, "usd"), Cancellation)).Approved);
    }

    [Fact]
    public async Task Verify_DecliningCard_FailsTheVerification()
    {
        var result = await Acquirer.AuthorizeAsync(new AuthorizationRequest("4000000000009995", null, 0, "usd", IsVerification: true), Cancellation);

        Assert.Equal("insufficient_funds", result.Decline!.DeclineCode);
    }

    [Fact]
    public async Task Verify_3dsCard_NeedsNoChallenge() =>
        Assert.True((await Acquirer.AuthorizeAsync(new AuthorizationRequest("4000002760003184", null, 0, "eur", IsVerification: true), Cancellation)).Approved);

    [Theory]
    [InlineData("4000002500003155", false, AuthorizationStatus.RequiresAuthentication)]
    [InlineData("4000002500003155", true, AuthorizationStatus.Approved)]
    [InlineData("4000002760003184", false, AuthorizationStatus.RequiresAuthentication)]
    [InlineData("4000002760003184", true, AuthorizationStatus.Approved)]
    [InlineData("4000008400001629", true, AuthorizationStatus.Declined)]
    [InlineData("4000000000003055", false, AuthorizationStatus.Approved)]
    [InlineData("4242424242424242", false, AuthorizationStatus.Approved)]
    public async Task VerifyForOffSessionSetup_Asks3dsOfTheCardsThatRequireIt(string number, bool authenticated, AuthorizationStatus expected)
    {
        var result = await Acquirer.AuthorizeAsync(
            new AuthorizationRequest(number, null, 0, "eur", ThreeDSecureCompleted: authenticated, SetUpForOffSession: true, IsVerification: true), Cancellation);

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public async Task Verify_ThreeDSecureThenDeclinedCard_AttachesWithoutAChallenge() =>
        Assert.True((await Acquirer.AuthorizeAsync(new AuthorizationRequest("4000008400001629", null, 0, "usd", IsVerification: true), Cancellation)).Approved);

    public static TheoryData<string, CardAftermath> Aftermaths => new()
    {
        { "4000000000000259", new CardAftermath(DisputeReason: "fraudulent") },
        { "4000000000002685", new CardAftermath(DisputeReason: "product_not_received") },
        { "4000000000001976", new CardAftermath(DisputeReason: "fraudulent", Inquiry: true) },
        { "4000000000005423", new CardAftermath(EarlyFraudWarning: true) },
        { "4000000000007726", new CardAftermath(Refund: RefundBehavior.PendingThenSucceeds) },
        { "4000000000005126", new CardAftermath(Refund: RefundBehavior.SucceedsThenFails) },
        { "4000000000000077", new CardAftermath(AvailableImmediately: true) },
        { "4242424242424242", CardAftermath.None },
    };

    [Theory]
    [MemberData(nameof(Aftermaths))]
    public async Task Authorize_CardsWithALaterStory_ReportItAsFlags(string number, CardAftermath expected)
    {
        var result = await Acquirer.AuthorizeAsync(new AuthorizationRequest(number, null, 1000, "usd"), Cancellation);

        Assert.True(result.Approved);
        Assert.Equal(expected, result.Aftermath);
    }

    [Fact]
    public async Task CaptureVoidRefund_OfAnApprovedAuthorization_Succeed()
    {
        var authorization = await Acquirer.AuthorizeAsync(new AuthorizationRequest("4242424242424242", null, 1000, "usd"), Cancellation);

        Assert.True((await Acquirer.CaptureAsync(authorization.AuthorizationId!, 600, Cancellation)).Succeeded);
        Assert.True((await Acquirer.RefundAsync(authorization.AuthorizationId!, 600, Cancellation)).Succeeded);
        Assert.True((await Acquirer.VoidAsync(authorization.AuthorizationId!, Cancellation)).Succeeded);
        Assert.False((await Acquirer.RefundAsync(authorization.AuthorizationId!, 0, Cancellation)).Succeeded);
    }

    [Fact]
    public async Task Authorize_WithLatency_TakesAtLeastThatLong()
    {
        var slow = new SimulatedAcquirer(Options.Create(new SimulatorOptions { Latency = TimeSpan.FromMilliseconds(50) }));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await slow.AuthorizeAsync(new AuthorizationRequest("4242424242424242", null, 1000, "usd"), Cancellation);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(45), watch.Elapsed.ToString());
    }

    [Fact]
    public void AuthorizationRequest_ToString_NeverShowsTheNumber() =>
        Assert.DoesNotContain("4242", new AuthorizationRequest("4242424242424242", "123", 1000, "usd").ToString());

    [Theory]
    [InlineData("4242424242424242", true)]
    [InlineData("4242424242424241", false)]
    [InlineData("378282246310005", true)]
    [InlineData("42424242", false)]
    [InlineData("4242a24242424242", false)]
    public void IsValid_AppliesLuhnAndLength(string number, bool valid) => Assert.Equal(valid, CardNumbers.IsValid(number));
}
