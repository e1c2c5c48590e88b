using System.Text.Json;
using Dapper;
using Marketplace.Contracts.Accounts;
using Marketplace.Contracts.ApiEvents;
using Marketplace.Onboarding.Tests.Support;
using Marketplace.Onboarding.Verification;
using Marketplace.Testing;

namespace Marketplace.Onboarding.Tests.Verification;

/// <summary>The service stops while a verification waits on its identity check, and a new instance finishes it, once.</summary>
public sealed class VerificationRestartTests : IAsyncLifetime
{
    readonly TestDatabase _database = new();
    readonly TestBroker _broker = new();

    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServiceRestartedMidVerification_FinishesTheVerificationOnce()
    {
        var platform = TestContexts.NewPlatform();
        string accountId;
        await using var events = new EventTap<ApiEventRaised>();
        await using var decisions = new EventTap<ConnectedAccountUpdated>();
        await using (var first = Host())
        {
            first.StartServer();
            await events.StartAsync(_broker.ConnectionString);
            await decisions.StartAsync(_broker.ConnectionString);
            using var client = first.ClientFor(platform);
            // 1901-01-01 verifies after the identity check's wait: the answer sits scheduled in the outbox meanwhile.
            accountId = (await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", Onboard.FrenchIndividual(dob: "1901-01-01")))).Id();
            await Eventually.Until(() => ScheduledIdentityAnswersAsync(), n => n == 1);
            Assert.Equal("CheckingIdentity", await SagaStateAsync(accountId));
        }

        await using var second = Host();
        second.StartServer();
        using var secondClient = second.ClientFor(platform);
        var account = await AccountPolling.EventuallyAsync(secondClient, accountId, a => a.ChargesEnabled());
        await Task.Delay(TimeSpan.FromSeconds(2), Cancellation);

        Assert.True(account.GetProperty("payouts_enabled").GetBoolean());
        Assert.Equal("Verified", await SagaStateAsync(accountId));
        Assert.Equal(1, await SagaCompletedAsync(accountId));
        Assert.Single(events.Messages, e => e.AccountId == accountId && e.Type == "account.updated"
            && JsonDocument.Parse(e.ObjectJson).RootElement.ChargesEnabled());
        Assert.Single(decisions.Messages, m => m.AccountId == accountId && m.ChargesEnabled);
    }

    ServiceFactory<Program> Host() => new ServiceFactory<Program>("onboarding", _database, _broker)
        .WithSetting("Onboarding:EncryptionKey", OnboardingService.EncryptionKey)
        .WithSetting("Onboarding:Verification:IdentityDelay", "00:00:03");

    async Task<long> ScheduledIdentityAnswersAsync()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(Cancellation);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE @type AND not_before > now()",
            new { type = typeof(IdentityChecked).FullName + ",%" });
    }

    async Task<string?> SagaStateAsync(string accountId)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(Cancellation);
        return await connection.ExecuteScalarAsync<string?>(
            "SELECT current_state FROM saga_instances WHERE correlation_id = @id", new { id = VerificationSagaId.For(accountId) });
    }

    async Task<int> SagaCompletedAsync(string accountId)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(Cancellation);
        return await connection.ExecuteScalarAsync<int>(
            "SELECT (data ->> 'completed')::int FROM saga_instances WHERE correlation_id = @id", new { id = VerificationSagaId.For(accountId) });
    }

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await _broker.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _broker.DisposeAsync();
        await _database.DisposeAsync();
    }
}
