using System.Net;
using Marketplace.Onboarding.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Onboarding.Tests.Accounts;

/// <summary>A platform sees only the accounts it created: another's are missing, exactly as ids that never existed.</summary>
public sealed class AccountScopingTests(OnboardingService service) : IClassFixture<OnboardingService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnotherPlatform_CannotReadUpdateDeleteOrListAnAccount_NorItsPersonsAndBankAccounts()
    {
        var owner = TestContexts.NewPlatform();
        using var ownerClient = service.ClientFor(owner);
        var account = await Http.OkAsync(await Http.PostAsync(ownerClient, "/v1/accounts", Onboard.FrenchIndividual()));
        var id = account.Id();
        var bankAccountId = account.GetProperty("external_accounts").GetProperty("data")[0].Id();
        var stranger = TestContexts.NewPlatform();
        using var client = service.ClientFor(stranger);

        var responses = new[]
        {
            (await client.GetAsync($"/v1/accounts/{id}", Cancellation), "id"),
            (await Http.PostAsync(client, $"/v1/accounts/{id}", ("email", "mallory@example.com")), "id"),
            (await client.DeleteAsync($"/v1/accounts/{id}", Cancellation), "id"),
            (await Http.PostAsync(client, $"/v1/accounts/{id}/reject", ("reason", "fraud")), "id"),
            (await client.GetAsync($"/v1/accounts/{id}/persons", Cancellation), "account"),
            (await Http.PostAsync(client, $"/v1/accounts/{id}/persons", ("first_name", "Mallory")), "account"),
            (await client.GetAsync($"/v1/accounts/{id}/external_accounts/{bankAccountId}", Cancellation), "account"),
            (await Http.PostAsync(client, $"/v1/accounts/{id}/external_accounts",
                ("external_account[object]", "bank_account"), ("external_account[account_number]", Onboard.FrenchIban)), "account"),
        };
        var list = await Http.OkAsync(await client.GetAsync("/v1/accounts", Cancellation));
        var strangerAsConnected = service.ClientFor(stranger.OnConnectedAccount(id));
        var self = await strangerAsConnected.GetAsync("/v1/account", Cancellation);

        foreach (var (response, param) in responses)
        {
            var error = await Http.ErrorAsync(response, HttpStatusCode.NotFound);
            Assert.Equal("resource_missing", error.Text("code"));
            Assert.Equal(param, error.Text("param"));
            Assert.Equal($"No such account: '{id}'", error.Text("message"));
        }

        Assert.Empty(list.GetProperty("data").EnumerateArray());
        await Http.ErrorAsync(self, HttpStatusCode.NotFound);
        var unchanged = await Http.OkAsync(await ownerClient.GetAsync($"/v1/accounts/{id}", Cancellation));
        Assert.Equal(account.GetRawText(), unchanged.GetRawText());
        Assert.DoesNotContain(await Outbox.MessagesAsync<Marketplace.Contracts.ApiEvents.ApiEventRaised>(service.Database), e => e.PlatformId == stranger.PlatformId);
    }

    [Fact]
    public async Task ARequestActingOnAConnectedAccount_SeesThatAccountOnly_NotItsSiblings()
    {
        var platform = TestContexts.NewPlatform();
        using var client = service.ClientFor(platform);
        var seller = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", ("type", "custom"), ("country", "FR")));
        var sibling = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", ("type", "custom"), ("country", "FR")));
        using var asSeller = service.ClientFor(platform.OnConnectedAccount(seller.Id()));

        var own = await asSeller.GetAsync($"/v1/accounts/{seller.Id()}", Cancellation);
        var other = await asSeller.GetAsync($"/v1/accounts/{sibling.Id()}", Cancellation);
        var otherUpdate = await Http.PostAsync(asSeller, $"/v1/accounts/{sibling.Id()}", ("email", "mallory@example.com"));
        var list = await Http.OkAsync(await asSeller.GetAsync("/v1/accounts", Cancellation));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("resource_missing", (await Http.ErrorAsync(other, HttpStatusCode.NotFound)).Text("code"));
        await Http.ErrorAsync(otherUpdate, HttpStatusCode.NotFound);
        Assert.Equal([seller.Id()], list.GetProperty("data").EnumerateArray().Select(a => a.Id()));
    }
}
