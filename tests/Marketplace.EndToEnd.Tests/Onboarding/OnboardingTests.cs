using System.Net;
using Stripe;
using Xunit;

namespace Marketplace.EndToEnd.Tests.Onboarding;

/// <summary>Connected accounts through the real gateway with Stripe.net, as a platform onboards its sellers.</summary>
public sealed class OnboardingTests
{
    static readonly HttpClient Gateway = new() { BaseAddress = RunningPlatform.Gateway, Timeout = TimeSpan.FromSeconds(10) };

    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACustomFrenchIndividualWithEveryTestValue_BecomesChargesAndPayoutsEnabled_AndItsPlatformHearsOfItOnce()
    {
        var platform = await RunningPlatform.CreatePlatformAsync();
        var stripe = RunningPlatform.Stripe(platform.SecretKey);

        var created = await stripe.V1.Accounts.CreateAsync(Sellers.FrenchIndividual(new DateTime(1902, 1, 1)), cancellationToken: Cancellation);
        var account = await UntilAsync(stripe, created.Id, a => a.ChargesEnabled);
        var onItself = await stripe.V1.Accounts.GetAsync(created.Id, cancellationToken: Cancellation);
        var self = await Gateway.SendAsync(SelfRequest(platform.SecretKey, created.Id), Cancellation);
        var events = await EventsUntilAsync(stripe, created.Id, list => list.Any(e => ((Account)e.Data.Object).ChargesEnabled));

        Assert.True(account.PayoutsEnabled);
        Assert.Equal("active", account.Capabilities.CardPayments);
        Assert.Equal("active", account.Capabilities.Transfers);
        Assert.Empty(account.Requirements.CurrentlyDue);
        Assert.Null(account.Requirements.DisabledReason);
        Assert.True(account.DetailsSubmitted);
        var bankAccount = (BankAccount)Assert.Single(onItself.ExternalAccounts.Data);
        Assert.Equal(("2606", true), (bankAccount.Last4, bankAccount.DefaultForCurrency));
        // The gateway learnt of the account from ConnectedAccountCreated: Stripe-Account with its id is honoured.
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Contains(created.Id, await self.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Single(events, e => ((Account)e.Data.Object).ChargesEnabled);
    }

    [Fact]
    public async Task AConnectWebhookEndpoint_GetsTheAccountUpdatedThatEnabledCharges_ExactlyOnce()
    {
        await using var receiver = await Api.WebhookReceiver.StartAsync();
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var endpoint = await stripe.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions
        {
            Url = receiver.Url,
            EnabledEvents = ["account.updated", "capability.updated"],
            Connect = true,
        }, cancellationToken: Cancellation);

        var created = await stripe.V1.Accounts.CreateAsync(Sellers.FrenchIndividual(new DateTime(1902, 1, 1)), cancellationToken: Cancellation);
        await UntilAsync(stripe, created.Id, a => a.ChargesEnabled);
        for (var i = 0; i < 100 && !Delivered(receiver, endpoint.Secret).Any(e => e.Type == "account.updated" && ((Account)e.Data.Object).ChargesEnabled); i++)
        {
            await Task.Delay(100, Cancellation);
        }

        // Long enough for a redelivery or a duplicate publication to arrive too.
        await Task.Delay(TimeSpan.FromSeconds(2), Cancellation);
        var events = Delivered(receiver, endpoint.Secret);

        var enabling = Assert.Single(events, e => e.Type == "account.updated" && ((Account)e.Data.Object).ChargesEnabled);
        Assert.Equal(created.Id, enabling.Account);
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        Assert.Equal(2, events.Count(e => e.Type == "capability.updated" && ((Capability)e.Data.Object).Status == "active"));
    }

    static List<Event> Delivered(Api.WebhookReceiver receiver, string secret) =>
        [.. receiver.Deliveries.Select(d => EventUtility.ConstructEvent(d.Body, d.Signature, secret))];

    [Fact]
    public async Task ASanctionsHit_IsRejectedListed_AndCanNeverCharge()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);

        var created = await stripe.V1.Accounts.CreateAsync(Sellers.FrenchIndividual(new DateTime(1900, 1, 1)), cancellationToken: Cancellation);
        var account = await UntilAsync(stripe, created.Id, a => a.Requirements.DisabledReason is not null && a.Requirements.DisabledReason.StartsWith("rejected.", StringComparison.Ordinal));
        var update = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.Accounts.UpdateAsync(created.Id,
            new AccountUpdateOptions { Individual = new AccountIndividualOptions { Dob = new DobOptions { Day = 1, Month = 1, Year = 1902 } } },
            cancellationToken: Cancellation));
        await Task.Delay(TimeSpan.FromSeconds(2), Cancellation);
        var later = await stripe.V1.Accounts.GetAsync(created.Id, cancellationToken: Cancellation);

        Assert.Equal("rejected.listed", account.Requirements.DisabledReason);
        Assert.False(account.ChargesEnabled);
        Assert.False(account.PayoutsEnabled);
        Assert.Equal("inactive", account.Capabilities.CardPayments);
        Assert.Equal(HttpStatusCode.BadRequest, update.HttpStatusCode);
        Assert.False(later.ChargesEnabled);
        Assert.Equal("rejected.listed", later.Requirements.DisabledReason);
    }

    [Fact]
    public async Task AnInvalidIban_IsAnInvalidRequestErrorOnExternalAccount()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var account = await stripe.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "custom", Country = "FR" }, cancellationToken: Cancellation);

        var refused = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.Accounts.ExternalAccounts.CreateAsync(account.Id,
            new AccountExternalAccountCreateOptions
            {
                ExternalAccount = new AccountExternalAccountBankAccountOptions { Country = "FR", Currency = "eur", AccountNumber = "FR1420041010050500013M02605" },
            }, cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.BadRequest, refused.HttpStatusCode);
        Assert.Equal("invalid_request_error", refused.StripeError.Type);
        Assert.Equal("external_account", refused.StripeError.Param);
        Assert.DoesNotContain("FR1420041010050500013M02605", refused.StripeError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequirementsForAUsCompany_DifferFromAFrenchIndividuals()
    {
        var stripe = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var capabilities = new AccountCapabilitiesOptions
        {
            CardPayments = new AccountCapabilitiesCardPaymentsOptions { Requested = true },
            Transfers = new AccountCapabilitiesTransfersOptions { Requested = true },
        };

        var us = await stripe.V1.Accounts.CreateAsync(
            new AccountCreateOptions { Type = "custom", Country = "US", BusinessType = "company", Capabilities = capabilities }, cancellationToken: Cancellation);
        var fr = await stripe.V1.Accounts.CreateAsync(
            new AccountCreateOptions { Type = "custom", Country = "FR", BusinessType = "individual", Capabilities = capabilities }, cancellationToken: Cancellation);

        Assert.Contains("company.tax_id", us.Requirements.CurrentlyDue);
        Assert.Contains("representative.ssn_last_4", us.Requirements.CurrentlyDue);
        Assert.Contains("individual.dob.day", fr.Requirements.CurrentlyDue);
        Assert.DoesNotContain("individual.ssn_last_4", fr.Requirements.CurrentlyDue);
        Assert.NotEqual(us.Requirements.CurrentlyDue.Order(), fr.Requirements.CurrentlyDue.Order());
        Assert.Equal(("usd", "eur"), (us.DefaultCurrency, fr.DefaultCurrency));
    }

    [Fact]
    public async Task APlatform_CannotReadOrUpdateAnotherPlatformsAccount()
    {
        var owner = RunningPlatform.Stripe((await RunningPlatform.CreatePlatformAsync()).SecretKey);
        var intruder = await RunningPlatform.CreatePlatformAsync();
        var stripe = RunningPlatform.Stripe(intruder.SecretKey);
        var account = await owner.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "custom", Country = "FR", Email = "seller@example.com" }, cancellationToken: Cancellation);

        var read = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.Accounts.GetAsync(account.Id, cancellationToken: Cancellation));
        var update = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.Accounts.UpdateAsync(
            account.Id, new AccountUpdateOptions { Email = "mallory@example.com" }, cancellationToken: Cancellation));
        var list = await stripe.V1.Accounts.ListAsync(cancellationToken: Cancellation);
        var asConnected = await Gateway.SendAsync(SelfRequest(intruder.SecretKey, account.Id), Cancellation);
        var unchanged = await owner.V1.Accounts.GetAsync(account.Id, cancellationToken: Cancellation);

        Assert.Equal((HttpStatusCode.NotFound, "resource_missing"), (read.HttpStatusCode, read.StripeError.Code));
        Assert.Equal((HttpStatusCode.NotFound, "resource_missing"), (update.HttpStatusCode, update.StripeError.Code));
        Assert.Empty(list.Data);
        Assert.NotEqual(HttpStatusCode.OK, asConnected.StatusCode);
        Assert.Equal("seller@example.com", unchanged.Email);
    }

    static HttpRequestMessage SelfRequest(string secretKey, string accountId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/account");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secretKey);
        request.Headers.Add("Stripe-Account", accountId);
        return request;
    }

    static async Task<Account> UntilAsync(StripeClient stripe, string id, Func<Account, bool> condition)
    {
        var account = await stripe.V1.Accounts.GetAsync(id, cancellationToken: Cancellation);
        for (var attempt = 0; attempt < 150 && !condition(account); attempt++)
        {
            await Task.Delay(200, Cancellation);
            account = await stripe.V1.Accounts.GetAsync(id, cancellationToken: Cancellation);
        }

        Assert.True(condition(account), $"the account never got there: {account.RawJsonElement}");
        return account;
    }

    /// <summary>The connected account's <c>account.updated</c> events, as the Webhooks service recorded them, once <paramref name="condition"/> holds.</summary>
    static async Task<IReadOnlyList<Event>> EventsUntilAsync(StripeClient stripe, string accountId, Func<IReadOnlyList<Event>, bool> condition)
    {
        IReadOnlyList<Event> events = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            events = (await stripe.V1.Events.ListAsync(new EventListOptions { Type = "account.updated", Limit = 100 },
                new RequestOptions { StripeAccount = accountId }, Cancellation)).Data;
            if (condition(events))
            {
                break;
            }

            await Task.Delay(200, Cancellation);
        }

        // Anything redelivered would have shown up by now.
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        return (await stripe.V1.Events.ListAsync(new EventListOptions { Type = "account.updated", Limit = 100 },
            new RequestOptions { StripeAccount = accountId }, Cancellation)).Data;
    }
}
