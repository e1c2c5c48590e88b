using System.Net;
using Marketplace.Data;
using Marketplace.Payments.Authentication;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.Authentication;

/// <summary>Challenges as the payment saga and setup intents use them: created in their transaction, completed once.</summary>
public sealed class AuthenticationChallengeTests(PaymentsService service) : IClassFixture<PaymentsService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_GivesARandomIdAndItsPageThroughTheGateway()
    {
        var first = await CreateAsync(Request("pi_1", "ch_1", ChallengeKinds.ThreeDSecure));
        var second = await CreateAsync(Request("pi_1", "ch_1", ChallengeKinds.ThreeDSecure));

        Assert.Matches("^authc_[A-Za-z0-9_-]{43}$", first.Id);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal($"http://127.0.0.1:8080/payments/authenticate/{first.Id}", first.Url);
        Assert.Equal(("pi_1", "ch_1", "three_d_secure"), (first.Subject, first.Reference, first.Kind));
    }

    [Fact]
    public async Task Create_InATransactionThatRollsBack_LeavesNoPage()
    {
        await using var connection = await service.Database.OpenConnectionAsync(Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(Cancellation);
        var challenge = await service.Challenges.CreateAsync(transaction, Request("pi_1", "ch_1", ChallengeKinds.Ideal), Cancellation);
        await transaction.RollbackAsync(Cancellation);

        using var page = service.PageClient();
        var response = await page.GetAsync(new Uri(challenge.Url).AbsolutePath, Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Complete_Twice_RecordsTheFirstChoiceAndPublishesOnce()
    {
        var challenge = await CreateAsync(Request(PrefixedId.New("pi"), PrefixedId.New("ch"), ChallengeKinds.ThreeDSecure));

        var first = await CompleteAsync(challenge.Id, succeeded: true);
        var second = await CompleteAsync(challenge.Id, succeeded: false);

        Assert.NotNull(first);
        Assert.Null(second);
        var published = Assert.Single(await CompletedAsync(challenge.Id));
        Assert.Equal((challenge.Subject, challenge.Reference, "three_d_secure", true), (published.Subject, published.Reference, published.Kind, published.Succeeded));
    }

    [Fact]
    public async Task Complete_RolledBack_PublishesNothing_AndTheChallengeStaysOpen()
    {
        var challenge = await CreateAsync(Request(PrefixedId.New("pi"), PrefixedId.New("ch"), ChallengeKinds.Paypal));
        await using (var connection = await service.Database.OpenConnectionAsync(Cancellation))
        await using (var transaction = await connection.BeginTransactionAsync(Cancellation))
        {
            Assert.NotNull(await AuthenticationChallenges.CompleteAsync(transaction, challenge.Id, true, Cancellation));
            await transaction.RollbackAsync(Cancellation);
        }

        Assert.Empty(await CompletedAsync(challenge.Id));
        Assert.NotNull(await CompleteAsync(challenge.Id, succeeded: false));
        Assert.False(Assert.Single(await CompletedAsync(challenge.Id)).Succeeded);
    }

    [Fact]
    public async Task Complete_UnknownChallenge_ChangesNothing()
    {
        Assert.Null(await CompleteAsync("authc_unknown", succeeded: true));
        Assert.Empty(await CompletedAsync("authc_unknown"));
    }

    internal static ChallengeRequest Request(string subject, string reference, string kind, string? returnUrl = null) =>
        new(subject, reference, kind, returnUrl, $"{subject}_secret_abc");

    async Task<AuthenticationChallenge> CreateAsync(ChallengeRequest request)
    {
        await using var connection = await service.Database.OpenConnectionAsync(Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(Cancellation);
        var challenge = await service.Challenges.CreateAsync(transaction, request, Cancellation);
        await transaction.CommitAsync(Cancellation);
        return challenge;
    }

    async Task<ChallengeCompleted?> CompleteAsync(string id, bool succeeded)
    {
        await using var connection = await service.Database.OpenConnectionAsync(Cancellation);
        await using var transaction = await connection.BeginTransactionAsync(Cancellation);
        var completed = await AuthenticationChallenges.CompleteAsync(transaction, id, succeeded, Cancellation);
        await transaction.CommitAsync(Cancellation);
        return completed;
    }

    async Task<IReadOnlyList<ChallengeCompleted>> CompletedAsync(string id) =>
        [.. (await Rows.OutboxAsync<ChallengeCompleted>(service.Database)).Where(m => m.ChallengeId == id)];
}
