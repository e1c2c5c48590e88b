using System.Net;
using System.Text.Json;
using Marketplace.Contracts.Accounts;
using Marketplace.Onboarding.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Onboarding.Tests.Verification;

/// <summary>The verification saga end to end inside the service: identity checks per Stripe's test values, sanctions screening, deadlines.</summary>
public sealed class VerificationTests(VerifyingOnboarding service) : IClassFixture<VerifyingOnboarding>
{
    [Fact]
    public async Task FrenchCustomIndividual_WithEveryTestValue_BecomesChargesAndPayoutsEnabled_AndAnnouncesIt()
    {
        var platform = TestContexts.NewPlatform();
        using var client = service.ClientFor(platform);

        var created = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", Onboard.FrenchIndividual()));
        var account = await AccountPolling.EventuallyAsync(client, created.Id(), a => a.ChargesEnabled());

        Assert.True(account.GetProperty("payouts_enabled").GetBoolean());
        Assert.Equal("active", account.GetProperty("capabilities").Text("card_payments"));
        Assert.Equal("active", account.GetProperty("capabilities").Text("transfers"));
        var requirements = account.GetProperty("requirements");
        Assert.Empty(requirements.GetProperty("currently_due").Strings());
        Assert.Empty(requirements.GetProperty("pending_verification").Strings());
        Assert.Null(requirements.Text("disabled_reason"));
        Assert.Equal("verified", account.GetProperty("individual").GetProperty("verification").Text("status"));
        var decision = await Eventually.Until(() => service.Decisions.Messages.LastOrDefault(m => m.AccountId == created.Id()), m => m?.ChargesEnabled == true);
        Assert.True(decision!.PayoutsEnabled);
        Assert.Equal(platform.PlatformId, decision.PlatformId);
        Assert.Equal("active", decision.Capabilities["card_payments"]);
        Assert.Equal(account.GetProperty("external_accounts").GetProperty("data")[0].Id(), decision.DefaultExternalAccountId);
        var updates = await Eventually.Until(
            () => service.Events.Messages.Where(e => e.AccountId == created.Id() && e.Type is "account.updated" or "capability.updated").ToList(),
            events => events.Any(e => e.Type == "account.updated" && JsonDocument.Parse(e.ObjectJson).RootElement.ChargesEnabled())
                && events.Count(e => e.Type == "capability.updated" && e.ObjectJson.Contains("\"status\":\"active\"", StringComparison.Ordinal)) == 2);
        Assert.Single(updates, e => e.Type == "account.updated" && JsonDocument.Parse(e.ObjectJson).RootElement.ChargesEnabled());
    }

    [Fact]
    public async Task DateOfBirth1900_IsASanctionsHit_RejectedListed_AndCanNeverCharge()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var created = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", Onboard.FrenchIndividual(dob: "1900-01-01")));
        var account = await AccountPolling.EventuallyAsync(client, created.Id(), a => a.DisabledReason() == "rejected.listed");
        var update = await Http.PostAsync(client, $"/v1/accounts/{created.Id()}", ("individual[dob][year]", "1902"));
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        var later = await Http.OkAsync(await client.GetAsync($"/v1/accounts/{created.Id()}", TestContext.Current.CancellationToken));

        Assert.False(account.ChargesEnabled());
        Assert.False(account.GetProperty("payouts_enabled").GetBoolean());
        Assert.Equal("inactive", account.GetProperty("capabilities").Text("card_payments"));
        await Http.ErrorAsync(update, HttpStatusCode.BadRequest);
        Assert.False(later.ChargesEnabled());
        Assert.Equal("rejected.listed", later.DisabledReason());
        Assert.DoesNotContain(service.Decisions.Messages, m => m.AccountId == created.Id() && m.ChargesEnabled);
    }

    [Fact]
    public async Task ANameOnTheSanctionsList_SpelledDifferently_IsRejectedListed()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        // The sample list's "KORVAL, Dmitri Anatolyevich", born 14 Mar 1971, as a platform might spell him.
        var created = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts",
            Onboard.FrenchIndividual(dob: "1971-03-14", firstName: "Dmitry", lastName: "Korval")));
        var account = await AccountPolling.EventuallyAsync(client, created.Id(), a => a.DisabledReason() is "rejected.listed" || a.ChargesEnabled());

        Assert.Equal("rejected.listed", account.DisabledReason());
    }

    [Fact]
    public async Task AddressNoMatch_PutsTheAddressBackInCurrentlyDueWithItsError_AndAFixVerifies()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        var created = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", Onboard.FrenchIndividual(line1: "address_no_match")));

        var failed = await AccountPolling.EventuallyAsync(client, created.Id(), a => a.GetProperty("requirements").GetProperty("errors").GetArrayLength() > 0);
        await Http.OkAsync(await Http.PostAsync(client, $"/v1/accounts/{created.Id()}", ("individual[address][line1]", "address_full_match")));
        var fixedAccount = await AccountPolling.EventuallyAsync(client, created.Id(), a => a.ChargesEnabled());

        var error = failed.GetProperty("requirements").GetProperty("errors")[0];
        Assert.Equal("individual.address.line1", error.Text("requirement"));
        Assert.Equal("verification_failed_address_match", error.Text("code"));
        Assert.Contains("individual.address.line1", failed.GetProperty("requirements").GetProperty("currently_due").Strings());
        Assert.False(failed.ChargesEnabled());
        Assert.Empty(fixedAccount.GetProperty("requirements").GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task ADocumentLeftForLater_StaysEventuallyDue_UntilTheNextThreshold_ThenIsDueByADeadline_AndPastDueDisablesTheAccount()
    {
        var platform = TestContexts.NewPlatform();
        using var client = service.ClientFor(platform);
        var fields = Onboard.FrenchIndividual().Where(f => f.Item1 != "individual[verification][document][front]");
        var created = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", fields));

        var verified = await AccountPolling.EventuallyAsync(client, created.Id(), a => a.ChargesEnabled());
        await Task.Delay(VerifyingOnboarding.ThresholdGrace * 2, TestContext.Current.CancellationToken);
        var stillVerified = await Http.OkAsync(await client.GetAsync($"/v1/accounts/{created.Id()}", TestContext.Current.CancellationToken));
        await TriggerAsync(platform.PlatformId, created.Id(), ConnectedAccountTriggered.NextRequirements);
        var due = await AccountPolling.EventuallyAsync(client, created.Id(), a => a.GetProperty("requirements").GetProperty("currently_due").GetArrayLength() > 0);
        var pastDue = await AccountPolling.EventuallyAsync(client, created.Id(), a => a.DisabledReason() == "requirements.past_due");
        await Http.OkAsync(await Http.PostAsync(client, $"/v1/accounts/{created.Id()}",
            ("individual[verification][document][front]", "file_identity_document_success")));
        var resolved = await AccountPolling.EventuallyAsync(client, created.Id(), a => a.ChargesEnabled());

        Assert.Empty(verified.GetProperty("requirements").GetProperty("currently_due").Strings());
        Assert.Equal(["individual.verification.document"], verified.GetProperty("requirements").GetProperty("eventually_due").Strings());
        Assert.Equal(JsonValueKind.Null, verified.GetProperty("requirements").GetProperty("current_deadline").ValueKind);
        Assert.True(stillVerified.ChargesEnabled());
        Assert.Equal(["individual.verification.document"], due.GetProperty("requirements").GetProperty("currently_due").Strings());
        Assert.Equal(JsonValueKind.Number, due.GetProperty("requirements").GetProperty("current_deadline").ValueKind);
        Assert.Empty(due.GetProperty("requirements").GetProperty("past_due").Strings());
        Assert.Equal(["individual.verification.document"], pastDue.GetProperty("requirements").GetProperty("past_due").Strings());
        Assert.False(pastDue.ChargesEnabled());
        Assert.Empty(resolved.GetProperty("requirements").GetProperty("currently_due").Strings());
    }

    [Fact]
    public async Task AChargeBlock_DisablesChargesOnly_AndAPayoutBlock_PayoutsOnly_AndBothAreAnnounced()
    {
        var platform = TestContexts.NewPlatform();
        using var client = service.ClientFor(platform);
        var charging = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", Onboard.FrenchIndividual()));
        var paying = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", Onboard.FrenchIndividual()));
        await AccountPolling.EventuallyAsync(client, charging.Id(), a => a.ChargesEnabled());
        await AccountPolling.EventuallyAsync(client, paying.Id(), a => a.ChargesEnabled());

        await TriggerAsync(platform.PlatformId, charging.Id(), ConnectedAccountTriggered.ChargeBlock);
        await TriggerAsync(platform.PlatformId, paying.Id(), ConnectedAccountTriggered.PayoutBlock);

        var chargesBlocked = await AccountPolling.EventuallyAsync(client, charging.Id(), a => !a.ChargesEnabled());
        var payoutsBlocked = await AccountPolling.EventuallyAsync(client, paying.Id(), a => !a.GetProperty("payouts_enabled").GetBoolean());
        Assert.Equal(("inactive", "active", true), (chargesBlocked.GetProperty("capabilities").Text("card_payments"),
            chargesBlocked.GetProperty("capabilities").Text("transfers"), chargesBlocked.GetProperty("payouts_enabled").GetBoolean()));
        Assert.Equal("under_review", chargesBlocked.DisabledReason());
        Assert.True(payoutsBlocked.ChargesEnabled());
        Assert.Equal("under_review", payoutsBlocked.DisabledReason());
        await Eventually.Until(() => service.Decisions.Messages.LastOrDefault(m => m.AccountId == charging.Id()), m => m?.ChargesEnabled == false);
        await Eventually.Until(() => service.Decisions.Messages.LastOrDefault(m => m.AccountId == paying.Id()), m => m?.PayoutsEnabled == false);
    }

    [Fact]
    public async Task ATrigger_NamingAnotherPlatformsAccount_ChangesNothing()
    {
        var platform = TestContexts.NewPlatform();
        using var client = service.ClientFor(platform);
        var created = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", Onboard.FrenchIndividual()));
        await AccountPolling.EventuallyAsync(client, created.Id(), a => a.ChargesEnabled());

        await TriggerAsync(TestContexts.NewPlatform().PlatformId, created.Id(), ConnectedAccountTriggered.ChargeBlock);
        await TriggerAsync(platform.PlatformId, created.Id(), ConnectedAccountTriggered.PayoutBlock);

        var after = await AccountPolling.EventuallyAsync(client, created.Id(), a => !a.GetProperty("payouts_enabled").GetBoolean());
        Assert.True(after.ChargesEnabled());
    }

    Task TriggerAsync(string platformId, string accountId, string trigger) =>
        service.Bus.Publish(
            new ConnectedAccountTriggered { PlatformId = platformId, AccountId = accountId, Trigger = trigger, ChargeId = $"ch_{Guid.NewGuid():N}" },
            TestContext.Current.CancellationToken);
}
