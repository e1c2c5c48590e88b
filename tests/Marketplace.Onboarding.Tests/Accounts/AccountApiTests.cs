using System.Net;
using System.Text.Json;
using Marketplace.Contracts.Accounts;
using Marketplace.Onboarding.Tests.Support;
using Marketplace.Testing;
using Stripe;

namespace Marketplace.Onboarding.Tests.Accounts;

/// <summary>The account endpoints through Stripe.net 53.1.0, as a platform's code calls them.</summary>
public sealed class AccountApiTests(OnboardingService service) : IClassFixture<OnboardingService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ExpressWithStripeNet_RoundTripsItsFieldsAndTheControllerOfItsType()
    {
        var stripe = service.StripeFor(TestContexts.NewPlatform());

        var created = await stripe.V1.Accounts.CreateAsync(new AccountCreateOptions
        {
            Type = "express",
            Country = "FR",
            Email = "seller@example.com",
            BusinessType = "company",
            BusinessProfile = new AccountBusinessProfileOptions { Mcc = "5734", Url = "https://seller.example", SupportEmail = "help@seller.example" },
            Company = new AccountCompanyOptions { Name = "Seller SAS", TaxId = "FR12345678901" },
            Settings = new AccountSettingsOptions
            {
                Payouts = new AccountSettingsPayoutsOptions
                {
                    Schedule = new AccountSettingsPayoutsScheduleOptions { Interval = "weekly", WeeklyAnchor = "friday", DelayDays = 7L },
                },
            },
            Capabilities = new AccountCapabilitiesOptions
            {
                CardPayments = new AccountCapabilitiesCardPaymentsOptions { Requested = true },
                SepaDebitPayments = new AccountCapabilitiesSepaDebitPaymentsOptions { Requested = true },
            },
            Metadata = new Dictionary<string, string> { ["seller"] = "42" },
        }, cancellationToken: Cancellation);
        var retrieved = await stripe.V1.Accounts.GetAsync(created.Id, cancellationToken: Cancellation);

        Assert.Matches("^acct_[0-9A-Za-z]{22}$", created.Id);
        Assert.Equal("express", retrieved.Type);
        Assert.Equal(("application", "application", "stripe", "express"), (retrieved.Controller.Fees.Payer, retrieved.Controller.Losses.Payments,
            retrieved.Controller.RequirementCollection, retrieved.Controller.StripeDashboard.Type));
        Assert.Equal(("FR", "eur", "seller@example.com"), (retrieved.Country, retrieved.DefaultCurrency, retrieved.Email));
        Assert.Equal(("Seller SAS", true), (retrieved.Company.Name, retrieved.Company.TaxIdProvided));
        Assert.Equal(("5734", "https://seller.example"), (retrieved.BusinessProfile.Mcc, retrieved.BusinessProfile.Url));
        Assert.Equal(("weekly", "friday", 7L), (retrieved.Settings.Payouts.Schedule.Interval, retrieved.Settings.Payouts.Schedule.WeeklyAnchor,
            retrieved.Settings.Payouts.Schedule.DelayDays));
        Assert.Equal("inactive", retrieved.Capabilities.CardPayments);
        Assert.Equal("inactive", retrieved.Capabilities.SepaDebitPayments);
        Assert.Equal("42", retrieved.Metadata["seller"]);
        Assert.Contains("company.directors_provided", retrieved.Requirements.CurrentlyDue);
        Assert.DoesNotContain("FR12345678901", retrieved.RawJsonElement!.Value.GetRawText());
    }

    [Fact]
    public async Task Update_PublishesAccountUpdated_WithThePreviousValuesOfWhatChanged()
    {
        var platform = TestContexts.NewPlatform();
        var stripe = service.StripeFor(platform);
        var account = await stripe.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "custom", Country = "DE", Email = "old@example.com" }, cancellationToken: Cancellation);

        var updated = await stripe.V1.Accounts.UpdateAsync(account.Id, new AccountUpdateOptions
        {
            Email = "new@example.com",
            BusinessType = "individual",
        }, cancellationToken: Cancellation);

        Assert.Equal("new@example.com", updated.Email);
        var events = await Outbox.EventsAsync(service.Database, account.Id);
        var raised = Assert.Single(events, e => e.Type == "account.updated");
        Assert.Equal(platform.PlatformId, raised.PlatformId);
        Assert.Equal(platform.RequestId, raised.RequestId);
        using var previous = JsonDocument.Parse(raised.PreviousAttributesJson!);
        Assert.Equal("old@example.com", previous.RootElement.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, previous.RootElement.GetProperty("business_type").ValueKind);
        Assert.True(previous.RootElement.TryGetProperty("requirements", out _), "the business type changed what is due");
    }

    [Fact]
    public async Task List_ShowsOnlyThePlatformsOwnAccounts_NewestFirst_AndPages()
    {
        var stripe = service.StripeFor(TestContexts.NewPlatform());
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await stripe.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "custom", Country = "NL" }, cancellationToken: Cancellation)).Id);
        }

        await service.StripeFor(TestContexts.NewPlatform()).V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "custom" }, cancellationToken: Cancellation);

        var first = await stripe.V1.Accounts.ListAsync(new AccountListOptions { Limit = 2 }, cancellationToken: Cancellation);
        var second = await stripe.V1.Accounts.ListAsync(new AccountListOptions { Limit = 2, StartingAfter = first.Data[^1].Id }, cancellationToken: Cancellation);

        Assert.Equal([ids[2], ids[1]], first.Data.Select(a => a.Id));
        Assert.True(first.HasMore);
        Assert.Equal([ids[0]], second.Data.Select(a => a.Id));
        Assert.False(second.HasMore);
    }

    [Fact]
    public async Task Delete_HidesTheAccount_AndAnnouncesItDisabled()
    {
        var stripe = service.StripeFor(TestContexts.NewPlatform());
        var account = await stripe.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "custom", Country = "ES" }, cancellationToken: Cancellation);

        var deleted = await stripe.V1.Accounts.DeleteAsync(account.Id, cancellationToken: Cancellation);

        Assert.True(deleted.Deleted);
        var missing = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.Accounts.GetAsync(account.Id, cancellationToken: Cancellation));
        Assert.Equal(HttpStatusCode.NotFound, missing.HttpStatusCode);
        var last = (await Outbox.MessagesAsync<ConnectedAccountUpdated>(service.Database)).Last(m => m.AccountId == account.Id);
        Assert.False(last.ChargesEnabled);
        Assert.All(last.Capabilities.Values, status => Assert.Equal("inactive", status));
    }

    [Fact]
    public async Task RetrieveCurrent_IsThePlatformWithoutStripeAccount_AndTheConnectedAccountWithIt()
    {
        var platform = TestContexts.NewPlatform();
        var account = await service.StripeFor(platform).V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "custom", Country = "IT" }, cancellationToken: Cancellation);

        using var asPlatform = service.ClientFor(platform);
        using var asConnected = service.ClientFor(platform.OnConnectedAccount(account.Id));
        var itself = await Http.OkAsync(await asPlatform.GetAsync("/v1/account", Cancellation));
        var connected = await Http.OkAsync(await asConnected.GetAsync("/v1/account", Cancellation));

        Assert.Equal(platform.PlatformId, itself.Id());
        Assert.True(itself.GetProperty("charges_enabled").GetBoolean());
        Assert.Equal(account.Id, connected.Id());
        Assert.Equal("IT", connected.Text("country"));
    }

    [Fact]
    public async Task Reject_DisablesTheAccountForGood()
    {
        var platform = TestContexts.NewPlatform();
        using var client = service.ClientFor(platform);
        var account = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", Onboard.FrenchIndividual()));

        var rejected = await Http.OkAsync(await Http.PostAsync(client, $"/v1/accounts/{account.Id()}/reject", ("reason", "fraud")));
        var update = await Http.PostAsync(client, $"/v1/accounts/{account.Id()}", ("email", "other@example.com"));

        Assert.Equal("rejected.fraud", rejected.GetProperty("requirements").Text("disabled_reason"));
        Assert.False(rejected.GetProperty("charges_enabled").GetBoolean());
        Assert.Equal("inactive", rejected.GetProperty("capabilities").Text("card_payments"));
        await Http.ErrorAsync(update, HttpStatusCode.BadRequest);
    }
}
