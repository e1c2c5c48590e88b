using System.Net;
using Marketplace.Data;
using Marketplace.Payments.Authentication;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.Authentication;

/// <summary>The hosted page as a browser sees it: its buttons, where it sends the payer, and one choice per challenge.</summary>
public sealed class AuthenticationPageTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("three_d_secure", "Complete authentication", "Fail authentication")]
    [InlineData("ideal", "Authorize test payment", "Fail test payment")]
    [InlineData("bancontact", "Authorize test payment", "Fail test payment")]
    [InlineData("paypal", "Authorize test payment", "Fail test payment")]
    public async Task Page_ShowsTheButtonsOfItsKind(string kind, string complete, string fail)
    {
        var challenge = await CreateAsync(kind, returnUrl: null);
        using var page = service.PageClient();

        var response = await page.GetAsync(PathOf(challenge), Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($">{complete}</button>", html, StringComparison.Ordinal);
        Assert.Contains($">{fail}</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_ASetupIntentsChallenge_RedirectsToItsReturnUrlWithStripesQuery()
    {
        var challenge = await CreateAsync(ChallengeKinds.ThreeDSecure, "https://shop.example/done?order=42", PrefixedId.New("seti"));

        var response = await SubmitAsync(challenge, "succeeded");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(
            $"https://shop.example/done?order=42&setup_intent={challenge.Subject}&setup_intent_client_secret={challenge.Subject}_secret_abc&redirect_status=succeeded",
            response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Failing_APaymentIntentsChallenge_RedirectsWithRedirectStatusFailed()
    {
        var challenge = await CreateAsync(ChallengeKinds.Ideal, "https://shop.example/done", PrefixedId.New("pi"));

        var response = await SubmitAsync(challenge, "failed");

        Assert.Equal(
            $"https://shop.example/done?payment_intent={challenge.Subject}&payment_intent_client_secret={challenge.Subject}_secret_abc&redirect_status=failed",
            response.Headers.Location?.ToString());
        Assert.False(Assert.Single(await CompletedAsync(challenge.Id)).Succeeded);
    }

    [Fact]
    public async Task Completing_WithoutAReturnUrl_SaysThePageMayBeClosed()
    {
        var challenge = await CreateAsync(ChallengeKinds.Paypal, returnUrl: null);

        var response = await SubmitAsync(challenge, "succeeded");
        var html = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-status=\"succeeded\"", html, StringComparison.Ordinal);
        Assert.Contains("You may close this page.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentSubmits_RecordOneChoice_AndEveryBrowserIsSentWithIt()
    {
        var challenge = await CreateAsync(ChallengeKinds.ThreeDSecure, "https://shop.example/done");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => SubmitAsync(challenge, i % 2 == 0 ? "succeeded" : "failed")));

        var published = Assert.Single(await CompletedAsync(challenge.Id));
        var expected = published.Succeeded ? "redirect_status=succeeded" : "redirect_status=failed";
        Assert.All(responses, response => Assert.EndsWith(expected, response.Headers.Location?.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpeningACompletedChallengeAgain_ChangesNothing_AndSendsThePayerBackWithTheFirstChoice()
    {
        var challenge = await CreateAsync(ChallengeKinds.Bancontact, "https://shop.example/done");
        await SubmitAsync(challenge, "failed");
        using var page = service.PageClient();

        var again = await page.GetAsync(PathOf(challenge), Cancellation);
        var resubmitted = await SubmitAsync(challenge, "succeeded");

        Assert.EndsWith("redirect_status=failed", again.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("redirect_status=failed", resubmitted.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Single(await CompletedAsync(challenge.Id));
    }

    [Fact]
    public async Task UnknownChallenge_IsNotFound_AndABadOutcomeIsRefused()
    {
        var challenge = await CreateAsync(ChallengeKinds.ThreeDSecure, returnUrl: null);
        using var page = service.PageClient();

        var unknown = await page.GetAsync("/payments/authenticate/authc_guessed", Cancellation);
        var bad = await SubmitAsync(challenge, "maybe");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Empty(await CompletedAsync(challenge.Id));
    }

    static string PathOf(AuthenticationChallenge challenge) => new Uri(challenge.Url).AbsolutePath;

    async Task<AuthenticationChallenge> CreateAsync(string kind, string? returnUrl, string? subject = null)
    {
        var intent = subject ?? PrefixedId.New("pi");
        await using var connection = await service.Database.OpenConnectionAsync(Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(Cancellation);
        var challenge = await service.Challenges.CreateAsync(
            transaction, AuthenticationChallengeTests.Request(intent, intent.StartsWith("seti_", StringComparison.Ordinal) ? intent : PrefixedId.New("ch"), kind, returnUrl),
            Cancellation);
        await transaction.CommitAsync(Cancellation);
        return challenge;
    }

    async Task<HttpResponseMessage> SubmitAsync(AuthenticationChallenge challenge, string outcome)
    {
        using var page = service.PageClient();
        return await Http.PostAsync(page, PathOf(challenge), ("outcome", outcome));
    }

    async Task<IReadOnlyList<ChallengeCompleted>> CompletedAsync(string id) =>
        [.. (await Rows.OutboxAsync<ChallengeCompleted>(service.Database)).Where(m => m.ChallengeId == id)];
}
