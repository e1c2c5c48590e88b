using System.Net;
using Dapper;
using Marketplace.Contracts.Accounts;
using Marketplace.Onboarding.Tests.Support;
using Marketplace.Testing;
using Stripe;

namespace Marketplace.Onboarding.Tests.ExternalAccounts;

/// <summary>Bank accounts: validated, masked, fingerprinted; the full number sealed at rest and nowhere else.</summary>
public sealed class ExternalAccountTests(OnboardingService service) : IClassFixture<OnboardingService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WithAnInvalidIban_IsAnInvalidRequestErrorOnExternalAccount()
    {
        var stripe = service.StripeFor(TestContexts.NewPlatform());
        var account = await stripe.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "custom", Country = "FR" }, cancellationToken: Cancellation);

        var refused = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.Accounts.ExternalAccounts.CreateAsync(account.Id,
            new AccountExternalAccountCreateOptions
            {
                ExternalAccount = new AccountExternalAccountBankAccountOptions { Country = "FR", Currency = "eur", AccountNumber = "FR1420041010050500013M02607" },
            }, cancellationToken: Cancellation));

        Assert.Equal(HttpStatusCode.BadRequest, refused.HttpStatusCode);
        Assert.Equal("invalid_request_error", refused.StripeError.Type);
        Assert.Equal("external_account", refused.StripeError.Param);
        Assert.Equal("invalid_bank_account_iban", refused.StripeError.Code);
        Assert.Empty((await stripe.V1.Accounts.ExternalAccounts.ListAsync(account.Id, cancellationToken: Cancellation)).Data);
    }

    [Fact]
    public async Task Create_InASepaCountryWithRoutingAndAccountNumbers_IsRefused_ForAnIban()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        var account = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", ("type", "custom"), ("country", "DE")));

        var error = await Http.ErrorAsync(await Http.PostAsync(client, $"/v1/accounts/{account.Id()}/external_accounts",
            ("external_account[object]", "bank_account"), ("external_account[country]", "US"), ("external_account[routing_number]", Onboard.UsRouting),
            ("external_account[account_number]", Onboard.UsAccount)), HttpStatusCode.BadRequest);

        Assert.Equal("external_account", error.Text("param"));
    }

    [Fact]
    public async Task Create_ShowsLast4AndAFingerprint_BecomesTheCurrencysDefault_AndSatisfiesTheRequirement()
    {
        var platform = TestContexts.NewPlatform();
        var stripe = service.StripeFor(platform);
        var account = await stripe.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "custom", Country = "US" }, cancellationToken: Cancellation);
        var options = new AccountExternalAccountCreateOptions
        {
            ExternalAccount = new AccountExternalAccountBankAccountOptions
            {
                Country = "US", Currency = "usd", RoutingNumber = Onboard.UsRouting, AccountNumber = Onboard.UsAccount, AccountHolderName = "Jenny Rosen",
            },
        };

        var first = (BankAccount)await stripe.V1.Accounts.ExternalAccounts.CreateAsync(account.Id, options, cancellationToken: Cancellation);
        var second = (BankAccount)await stripe.V1.Accounts.ExternalAccounts.CreateAsync(account.Id, options, cancellationToken: Cancellation);
        var after = await stripe.V1.Accounts.GetAsync(account.Id, cancellationToken: Cancellation);

        Assert.Matches("^ba_[0-9A-Za-z]{22}$", first.Id);
        Assert.Equal(("6789", Onboard.UsRouting, "STRIPE TEST BANK", "usd"), (first.Last4, first.RoutingNumber, first.BankName, first.Currency));
        Assert.Matches("^[0-9A-Za-z]{16}$", first.Fingerprint);
        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.True(first.DefaultForCurrency);
        Assert.False(second.DefaultForCurrency);
        Assert.DoesNotContain("external_account", after.Requirements.CurrentlyDue);
        Assert.Equal(2, after.ExternalAccounts.Data.Count);
        var decision = (await Outbox.MessagesAsync<ConnectedAccountUpdated>(service.Database)).Last(m => m.AccountId == account.Id);
        Assert.Equal(first.Id, decision.DefaultExternalAccountId);
        Assert.Equal(2, (await Outbox.EventsAsync(service.Database, account.Id)).Count(e => e.Type == "account.external_account.created"));
    }

    [Fact]
    public async Task ExternalAccountGivenWithTheAccountUpdate_ReplacesTheCurrencysDefault()
    {
        var platform = TestContexts.NewPlatform();
        using var client = service.ClientFor(platform);
        var account = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", Onboard.FrenchIndividual()));
        var first = account.GetProperty("external_accounts").GetProperty("data")[0].Id();

        var updated = await Http.OkAsync(await Http.PostAsync(client, $"/v1/accounts/{account.Id()}",
            ("external_account[object]", "bank_account"), ("external_account[account_number]", "DE89370400440532013000")));

        var bankAccounts = updated.GetProperty("external_accounts").GetProperty("data");
        var only = Assert.Single(bankAccounts.EnumerateArray());
        Assert.NotEqual(first, only.Id());
        Assert.Equal("3000", only.Text("last4"));
        Assert.True(only.GetProperty("default_for_currency").GetBoolean());
        var types = (await Outbox.EventsAsync(service.Database, account.Id())).Select(e => e.Type).Where(t => t.StartsWith("account.external_account", StringComparison.Ordinal));
        Assert.Equal(["account.external_account.created", "account.external_account.deleted", "account.external_account.created"], types);
    }

    [Fact]
    public async Task UpdateDefaultForCurrency_MovesTheDefault_AndTheDefaultCannotBeDeletedWhileOthersExist()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        var account = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", ("type", "custom"), ("country", "NL")));
        var path = $"/v1/accounts/{account.Id()}/external_accounts";
        var first = await Http.OkAsync(await Http.PostAsync(client, path, ("external_account[object]", "bank_account"), ("external_account[account_number]", "NL91ABNA0417164300")));
        var second = await Http.OkAsync(await Http.PostAsync(client, path, ("external_account[object]", "bank_account"), ("external_account[account_number]", "DE89370400440532013000")));

        var refused = await client.DeleteAsync($"{path}/{first.Id()}", Cancellation);
        var promoted = await Http.OkAsync(await Http.PostAsync(client, $"{path}/{second.Id()}", ("default_for_currency", "true")));
        var deleted = await client.DeleteAsync($"{path}/{first.Id()}", Cancellation);
        var list = await Http.OkAsync(await client.GetAsync(path, Cancellation));

        await Http.ErrorAsync(refused, HttpStatusCode.BadRequest);
        Assert.True(promoted.GetProperty("default_for_currency").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal([second.Id()], list.GetProperty("data").EnumerateArray().Select(b => b.Id()));
    }

    [Fact]
    public async Task BankNumbersAndIdNumbers_NeverAppearInResponsesEventsLogsOrTheDatabaseInClear()
    {
        const string IdNumber = "000000000";
        var platform = TestContexts.NewPlatform();
        using var client = service.ClientFor(platform);
        var fields = Onboard.FrenchIndividual().Append(("individual[id_number]", IdNumber)).ToList();

        var created = await Http.PostAsync(client, "/v1/accounts", fields);
        var createdBody = await created.Content.ReadAsStringAsync(Cancellation);
        var accountId = System.Text.Json.JsonDocument.Parse(createdBody).RootElement.Id();
        var added = await Http.PostAsync(client, $"/v1/accounts/{accountId}/external_accounts",
            ("external_account[object]", "bank_account"), ("external_account[account_number]", "DE89370400440532013000"));
        var bodies = new[]
        {
            createdBody,
            await added.Content.ReadAsStringAsync(Cancellation),
            await client.GetStringAsync($"/v1/accounts/{accountId}", Cancellation),
            await client.GetStringAsync($"/v1/accounts/{accountId}/external_accounts", Cancellation),
            await client.GetStringAsync("/v1/accounts", Cancellation),
        };
        var outbox = await Outbox.AllBodiesAsync(service.Database);
        await using var connection = await service.Database.OpenConnectionAsync(Cancellation);
        var stored = string.Join('\n', await connection.QueryAsync<string>(
            "SELECT record::text || sealed_number FROM external_accounts UNION ALL SELECT record::text FROM accounts"));

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        foreach (var secret in new[] { Onboard.FrenchIban, "20041010050500013M02606", "DE89370400440532013000", "370400440532013000", IdNumber })
        {
            Assert.All(bodies, body => Assert.DoesNotContain(secret, body, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, outbox, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, service.Logs.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        }

        Assert.Contains("\"last4\":\"2606\"", bodies[0], StringComparison.Ordinal);
        Assert.Contains("\"id_number_provided\":true", bodies[0], StringComparison.Ordinal);
        Assert.NotEmpty(service.Logs.Text);
    }
}
