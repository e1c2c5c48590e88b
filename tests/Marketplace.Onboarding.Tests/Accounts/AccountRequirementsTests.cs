using System.Net;
using Marketplace.Contracts.Accounts;
using Marketplace.Onboarding.Tests.Support;
using Marketplace.Onboarding.Verification;
using Marketplace.Testing;

namespace Marketplace.Onboarding.Tests.Accounts;

/// <summary>Requirements follow the rules table: country × business type × requested capabilities, in Stripe's field names.</summary>
public sealed class AccountRequirementsTests(OnboardingService service) : IClassFixture<OnboardingService>
{
    [Fact]
    public async Task Create_UsCompanyAndFrenchIndividual_RequireDifferentFields()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var us = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts",
            ("type", "custom"), ("country", "US"), ("business_type", "company"),
            ("capabilities[card_payments][requested]", "true"), ("capabilities[transfers][requested]", "true")));
        var fr = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts",
            ("type", "custom"), ("country", "FR"), ("business_type", "individual"),
            ("capabilities[card_payments][requested]", "true"), ("capabilities[transfers][requested]", "true")));

        var usDue = us.GetProperty("requirements").GetProperty("currently_due").Strings();
        var frDue = fr.GetProperty("requirements").GetProperty("currently_due").Strings();
        Assert.Contains("company.tax_id", usDue);
        Assert.Contains("representative.ssn_last_4", usDue);
        Assert.Contains("company.owners_provided", usDue);
        Assert.Contains("company.executives_provided", usDue);
        Assert.DoesNotContain(usDue, field => field.StartsWith("individual.", StringComparison.Ordinal));
        Assert.Contains("individual.first_name", frDue);
        Assert.Contains("individual.dob.day", frDue);
        Assert.Contains("external_account", frDue);
        Assert.DoesNotContain("individual.ssn_last_4", frDue);
        Assert.DoesNotContain(frDue, field => field.StartsWith("company.", StringComparison.Ordinal));
        Assert.Contains("individual.verification.document", fr.GetProperty("requirements").GetProperty("eventually_due").Strings());
        Assert.Contains("representative.id_number", us.GetProperty("requirements").GetProperty("eventually_due").Strings());
        foreach (var account in new[] { us, fr })
        {
            Assert.Equal("requirements.past_due", account.GetProperty("requirements").Text("disabled_reason"));
            Assert.False(account.GetProperty("charges_enabled").GetBoolean());
            Assert.False(account.GetProperty("payouts_enabled").GetBoolean());
            Assert.Equal("inactive", account.GetProperty("capabilities").Text("card_payments"));
        }
    }

    [Theory]
    [InlineData("BE", "bancontact_payments")]
    [InlineData("NL", "ideal_payments")]
    [InlineData("DE", "sepa_debit_payments")]
    [InlineData("ES", "sepa_debit_payments")]
    [InlineData("IT", "sepa_debit_payments")]
    [InlineData("GB", "bacs_debit_payments")]
    public async Task Create_InEachSupportedCountry_AcceptsItsLocalCapabilityAndItsCurrency(string country, string capability)
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var account = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts",
            ("type", "custom"), ("country", country), ("business_type", "individual"), ($"capabilities[{capability}][requested]", "true")));

        Assert.Equal(country == "GB" ? "gbp" : "eur", account.Text("default_currency"));
        Assert.Equal("inactive", account.GetProperty("capabilities").Text(capability));
        Assert.Contains("individual.last_name", account.GetProperty("requirements").GetProperty("currently_due").Strings());
    }

    [Fact]
    public async Task Create_CapabilityTheCountryDoesNotOffer_IsRefusedByName()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var error = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/accounts",
            ("type", "custom"), ("country", "FR"), ("capabilities[us_bank_account_ach_payments][requested]", "true")), HttpStatusCode.BadRequest);

        Assert.Equal("invalid_request_error", error.Text("type"));
        Assert.Equal("capabilities[us_bank_account_ach_payments]", error.Text("param"));
    }

    [Fact]
    public async Task Create_UnsupportedCountry_IsRefusedOnCountry()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var error = await Http.ErrorAsync(await Http.PostAsync(client, "/v1/accounts", ("type", "custom"), ("country", "ZZ")), HttpStatusCode.BadRequest);

        Assert.Equal("country", error.Text("param"));
    }

    [Fact]
    public async Task Create_FrenchIndividualWithEveryField_IsPendingVerification_AndAsksForIt()
    {
        var platform = TestContexts.NewPlatform();
        using var client = service.ClientFor(platform);

        var account = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", Onboard.FrenchIndividual()));

        var requirements = account.GetProperty("requirements");
        Assert.Empty(requirements.GetProperty("currently_due").Strings());
        Assert.Empty(requirements.GetProperty("past_due").Strings());
        Assert.Contains("individual.dob.day", requirements.GetProperty("pending_verification").Strings());
        Assert.Equal("requirements.pending_verification", requirements.Text("disabled_reason"));
        Assert.Equal("pending", account.GetProperty("capabilities").Text("card_payments"));
        Assert.True(account.GetProperty("details_submitted").GetBoolean());
        Assert.False(account.GetProperty("charges_enabled").GetBoolean());
        Assert.Single(await Outbox.MessagesAsync<VerificationRequested>(service.Database), m => m.AccountId == account.Id());
        var created = Assert.Single(await Outbox.MessagesAsync<ConnectedAccountCreated>(service.Database), m => m.AccountId == account.Id());
        Assert.Equal(platform.PlatformId, created.PlatformId);
    }

    [Fact]
    public async Task AddingTheRepresentative_MovesItsRequirementsUnderItsPersonId()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        var account = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts",
            ("type", "custom"), ("country", "US"), ("business_type", "company"), ("capabilities[transfers][requested]", "true")));

        var person = await Http.OkAsync(await Http.PostAsync(client, $"/v1/accounts/{account.Id()}/persons",
            ("first_name", "Jenny"), ("relationship[representative]", "true"), ("relationship[title]", "CEO")));
        var after = await Http.OkAsync(await client.GetAsync($"/v1/accounts/{account.Id()}", TestContext.Current.CancellationToken));

        var due = after.GetProperty("requirements").GetProperty("currently_due").Strings();
        Assert.DoesNotContain(due, field => field.StartsWith("representative.", StringComparison.Ordinal));
        Assert.Contains($"{person.Id()}.last_name", due);
        Assert.Contains($"{person.Id()}.ssn_last_4", due);
        Assert.DoesNotContain($"{person.Id()}.first_name", due);
        Assert.Contains("last_name", person.GetProperty("requirements").GetProperty("currently_due").Strings());
    }
}
