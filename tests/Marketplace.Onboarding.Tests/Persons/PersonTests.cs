using System.Net;
using Marketplace.Onboarding.Tests.Support;
using Marketplace.Testing;
using Stripe;

namespace Marketplace.Onboarding.Tests.Persons;

/// <summary>A company's people through Stripe.net: relationships, ownership, write-only identifiers, events.</summary>
public sealed class PersonTests(OnboardingService service) : IClassFixture<OnboardingService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_OwnerWithPercentOwnership_ShowsOnlyThatItsSsnWasProvided_AndPublishesPersonCreated()
    {
        var stripe = service.StripeFor(TestContexts.NewPlatform());
        var account = await stripe.V1.Accounts.CreateAsync(new AccountCreateOptions { Type = "custom", Country = "US", BusinessType = "company" }, cancellationToken: Cancellation);

        var person = await stripe.V1.Accounts.Persons.CreateAsync(account.Id, new AccountPersonCreateOptions
        {
            FirstName = "Jenny",
            LastName = "Rosen",
            SsnLast4 = "0000",
            Dob = new AccountPersonDobOptions { Day = 1, Month = 1, Year = 1902 },
            Relationship = new AccountPersonRelationshipOptions { Owner = true, PercentOwnership = 62.5m, Representative = true, Title = "CEO" },
        }, cancellationToken: Cancellation);
        var listed = await stripe.V1.Accounts.Persons.ListAsync(account.Id,
            new AccountPersonListOptions { Relationship = new() { Owner = true } }, cancellationToken: Cancellation);

        Assert.Matches("^person_[0-9A-Za-z]{22}$", person.Id);
        Assert.Equal(account.Id, person.Account);
        Assert.True(person.SsnLast4Provided);
        Assert.Equal((true, 62.5m, "CEO"), (person.Relationship.Owner, person.Relationship.PercentOwnership, person.Relationship.Title));
        Assert.Equal(1902, person.Dob.Year);
        Assert.Equal([person.Id], listed.Data.Select(p => p.Id));
        Assert.DoesNotContain("0000\"", person.RawJsonElement!.Value.GetRawText(), StringComparison.Ordinal);
        var events = await Outbox.EventsAsync(service.Database, account.Id);
        Assert.Single(events, e => e.Type == "person.created");
        Assert.Single(events, e => e.Type == "account.updated");
    }

    [Fact]
    public async Task Create_PercentOwnershipAbove100_IsRefusedOnItsParameter()
    {
        using var client = service.ClientFor(TestContexts.NewPlatform());
        var account = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", ("type", "custom"), ("country", "GB"), ("business_type", "company")));

        var error = await Http.ErrorAsync(await Http.PostAsync(client, $"/v1/accounts/{account.Id()}/persons",
            ("first_name", "Jenny"), ("relationship[percent_ownership]", "100.5")), HttpStatusCode.BadRequest);

        Assert.Equal("relationship[percent_ownership]", error.Text("param"));
    }

    [Fact]
    public async Task Update_And_Delete_PublishTheirEvents_AndAnotherAccountsPersonIsMissing()
    {
        var platform = TestContexts.NewPlatform();
        using var client = service.ClientFor(platform);
        var account = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", ("type", "custom"), ("country", "BE"), ("business_type", "company")));
        var other = await Http.OkAsync(await Http.PostAsync(client, "/v1/accounts", ("type", "custom"), ("country", "BE"), ("business_type", "company")));
        var person = await Http.OkAsync(await Http.PostAsync(client, $"/v1/accounts/{account.Id()}/persons", ("first_name", "Jenny")));

        var updated = await Http.OkAsync(await Http.PostAsync(client, $"/v1/accounts/{account.Id()}/persons/{person.Id()}", ("last_name", "Rosen")));
        var elsewhere = await client.GetAsync($"/v1/accounts/{other.Id()}/persons/{person.Id()}", Cancellation);
        var deleted = await Http.OkAsync(await client.DeleteAsync($"/v1/accounts/{account.Id()}/persons/{person.Id()}", Cancellation));

        Assert.Equal("Rosen", updated.Text("last_name"));
        Assert.Equal("resource_missing", (await Http.ErrorAsync(elsewhere, HttpStatusCode.NotFound)).Text("code"));
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        var types = (await Outbox.EventsAsync(service.Database, account.Id())).Select(e => e.Type).Where(t => t.StartsWith("person.", StringComparison.Ordinal));
        Assert.Equal(["person.created", "person.updated", "person.deleted"], types);
    }
}
