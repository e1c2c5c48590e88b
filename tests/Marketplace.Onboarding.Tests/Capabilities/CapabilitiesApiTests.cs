using System.Text.Json;
using Marketplace.Onboarding.Tests.Support;
using Marketplace.Testing;
using Stripe;

namespace Marketplace.Onboarding.Tests.Capabilities;

/// <summary><c>/v1/accounts/{id}/capabilities</c> through Stripe.net's <c>AccountCapabilityService</c>.</summary>
public sealed class CapabilitiesApiTests(VerifyingOnboarding service) : IClassFixture<VerifyingOnboarding>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AVerifiedAccountsCapabilities_AreListedActive_AndAnUnrequestedOneReadsUnrequested()
    {
        var platform = TestContexts.NewPlatform();
        using var client = service.ClientFor(platform);
        var created = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", Onboard.FrenchIndividual()));
        await AccountPolling.EventuallyAsync(client, created.Id(), a => a.ChargesEnabled());
        var capabilities = StripeClients.For(client).V1.Accounts.Capabilities;

        var listed = await capabilities.ListAsync(created.Id(), cancellationToken: Cancellation);
        var sepa = await capabilities.GetAsync(created.Id(), "sepa_debit_payments", cancellationToken: Cancellation);

        Assert.Equal(["card_payments", "transfers"], listed.Data.Select(c => c.Id));
        Assert.All(listed.Data, c => Assert.Equal(("capability", created.Id(), true, "active"), (c.Object, c.AccountId, c.Requested, c.Status)));
        Assert.All(listed.Data, c => Assert.NotNull(c.RequestedAt));
        Assert.Equal(("unrequested", false), (sepa.Status, sepa.Requested));
        Assert.Null(sepa.RequestedAt);
        Assert.Empty(sepa.Requirements.CurrentlyDue);
    }

    [Fact]
    public async Task ACapability_HasOnlyFieldsStripeNetKnows()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        var created = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", Onboard.FrenchIndividual()));

        var capability = await Http.OkAsync(await client.GetAsync($"/v1/accounts/{created.Id()}/capabilities/card_payments", Cancellation));

        Assert.Subset(StripeModelFields.Of(typeof(Stripe.Capability)), StripeModelFields.Of(capability));
        Assert.Subset(StripeModelFields.Of(typeof(Stripe.CapabilityRequirements)), StripeModelFields.Of(capability.GetProperty("requirements")));
    }

    [Fact]
    public async Task RequestingACapability_AddsItToTheAccount_AndGivingItUpRemovesIt_WithCapabilityUpdatedEvents()
    {
        var platform = TestContexts.NewPlatform();
        using var client = service.ClientFor(platform);
        var created = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", Onboard.FrenchIndividual()));
        await AccountPolling.EventuallyAsync(client, created.Id(), a => a.ChargesEnabled());
        var capabilities = StripeClients.For(client).V1.Accounts.Capabilities;

        var requested = await capabilities.UpdateAsync(created.Id(), "sepa_debit_payments",
            new AccountCapabilityUpdateOptions { Requested = true }, cancellationToken: Cancellation);
        var account = await AccountPolling.EventuallyAsync(client, created.Id(),
            a => a.GetProperty("capabilities").Text("sepa_debit_payments") == "active");
        var givenUp = await capabilities.UpdateAsync(created.Id(), "sepa_debit_payments",
            new AccountCapabilityUpdateOptions { Requested = false }, cancellationToken: Cancellation);
        var after = await Http.OkAsync(await client.GetAsync($"/v1/accounts/{created.Id()}", Cancellation));

        Assert.True(requested.Requested);
        Assert.NotEqual("unrequested", requested.Status);
        Assert.Equal("active", account.GetProperty("capabilities").Text("sepa_debit_payments"));
        Assert.Equal(("unrequested", false), (givenUp.Status, givenUp.Requested));
        Assert.False(after.GetProperty("capabilities").TryGetProperty("sepa_debit_payments", out _));
        Assert.Equal(["active", "unrequested"], await Eventually.Until(
            () => service.Events.Messages.Where(e => e.AccountId == created.Id() && e.Type == "capability.updated")
                .Select(e => JsonDocument.Parse(e.ObjectJson).RootElement)
                .Where(c => c.Text("id") == "sepa_debit_payments")
                .Select(c => c.Text("status")!)
                .Order(StringComparer.Ordinal)
                .ToList(),
            statuses => statuses.Count == 2));
    }

    [Fact]
    public async Task ACapabilityTheCountryDoesNotOffer_OrAnotherPlatformsAccount_IsMissing_AndChangesNothing()
    {
        var platform = TestContexts.NewPlatform();
        using var client = service.ClientFor(platform);
        var created = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", Onboard.FrenchIndividual()));
        using var stranger = service.ClientFor(TestContexts.NewPlatform());

        var unknown = await Assert.ThrowsAsync<StripeException>(() => StripeClients.For(client).V1.Accounts.Capabilities.UpdateAsync(
            created.Id(), "us_bank_account_ach_payments", new AccountCapabilityUpdateOptions { Requested = true }, cancellationToken: Cancellation));
        var foreign = await Assert.ThrowsAsync<StripeException>(() => StripeClients.For(stranger).V1.Accounts.Capabilities.ListAsync(
            created.Id(), cancellationToken: Cancellation));
        var after = await Http.OkAsync(await client.GetAsync($"/v1/accounts/{created.Id()}", Cancellation));

        Assert.Equal("resource_missing", unknown.StripeError.Code);
        Assert.Equal(("resource_missing", "account"), (foreign.StripeError.Code, foreign.StripeError.Param));
        Assert.Equal(["card_payments", "transfers"], after.GetProperty("capabilities").EnumerateObject().Select(p => p.Name));
    }
}
