using Marketplace.Onboarding.Tests.Support;
using Marketplace.Testing;
using Stripe;

namespace Marketplace.Onboarding.Tests.CountrySpecs;

/// <summary><c>/v1/country_specs</c> through Stripe.net's <c>CountrySpecService</c>: what the requirements tables say, per country.</summary>
public sealed class CountrySpecsApiTests(OnboardingService service) : IClassFixture<OnboardingService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task France_SupportsSepaAndCards_AndAsksAnIndividualForWhatAnAccountThereIsAskedFor()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        var specs = StripeClients.For(client).V1.CountrySpecs;

        var france = await specs.GetAsync("FR", cancellationToken: Cancellation);
        var account = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", ("type", "custom"), ("country", "FR"), ("business_type", "individual")));

        Assert.Equal(("FR", "country_spec", "eur"), (france.Id, france.Object, france.DefaultCurrency));
        Assert.Contains("sepa_debit", france.SupportedPaymentMethods);
        Assert.Contains("card", france.SupportedPaymentMethods);
        Assert.Contains("eur", france.SupportedPaymentCurrencies);
        Assert.Contains("DE", france.SupportedTransferCountries);
        Assert.DoesNotContain("US", france.SupportedTransferCountries);
        Assert.Contains("FR", france.SupportedBankAccountCurrencies["eur"]);
        // What the account was created without is exactly what it still owes: the spec's minimum less business_type.
        Assert.Equal(france.VerificationFields["individual"]["minimum"].Where(f => f != "business_type").Order(StringComparer.Ordinal),
            account.GetProperty("requirements").GetProperty("currently_due").Strings().Order(StringComparer.Ordinal));
        Assert.Contains("individual.dob.day", france.VerificationFields["individual"]["minimum"]);
        Assert.NotEqual(france.VerificationFields["individual"]["minimum"], france.VerificationFields["company"]["minimum"]);
    }

    [Fact]
    public async Task TheList_PagesByCountryCode_AndAnUnknownCountryIsMissing()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        var specs = StripeClients.For(client).V1.CountrySpecs;

        var first = await specs.ListAsync(new CountrySpecListOptions { Limit = 3 }, cancellationToken: Cancellation);
        var rest = await specs.ListAsync(new CountrySpecListOptions { Limit = 100, StartingAfter = first.Data[^1].Id }, cancellationToken: Cancellation);
        var unknown = await Assert.ThrowsAsync<StripeException>(() => specs.GetAsync("ZZ", cancellationToken: Cancellation));

        Assert.Equal(["BE", "DE", "ES"], first.Data.Select(s => s.Id));
        Assert.True(first.HasMore);
        Assert.Equal(["FR", "GB", "IT", "NL", "US"], rest.Data.Select(s => s.Id));
        Assert.False(rest.HasMore);
        Assert.Equal("resource_missing", unknown.StripeError.Code);
    }

    [Fact]
    public async Task ACountrySpec_HasOnlyFieldsStripeNetKnows()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());

        var spec = await Http.OkAsync(await client.GetAsync("/v1/country_specs/US", Cancellation));

        Assert.Subset(StripeModelFields.Of(typeof(CountrySpec)), StripeModelFields.Of(spec));
        Assert.Equal(["company", "individual"], StripeModelFields.Of(spec.GetProperty("verification_fields")).Order(StringComparer.Ordinal));
        Assert.Equal(["additional", "minimum"], StripeModelFields.Of(spec.GetProperty("verification_fields").GetProperty("individual")).Order(StringComparer.Ordinal));
    }
}
