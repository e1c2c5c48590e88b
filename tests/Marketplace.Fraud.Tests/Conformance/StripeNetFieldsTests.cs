using System.Net;
using System.Reflection;
using System.Text.Json;
using Marketplace.Contracts.Fraud;
using Marketplace.Fraud.Tests.Support;
using Marketplace.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Fraud.Tests.Conformance;

/// <summary>
/// Every field Stripe.net 53.1.0's models read (their JSON attribute names, non-public expandable ones included) is
/// in our JSON, null where we do not have it: scripts and SDKs written for Stripe find what they look for.
/// </summary>
public sealed class StripeNetFieldsTests(FraudService service) : IClassFixture<FraudService>
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ValueListValueListItemReviewAndEarlyFraudWarning_HaveEveryFieldOfStripeNetsModels()
    {
        var context = TestContexts.NewPlatform();
        using var client = service.ClientFor(context);
        var list = await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/value_lists", ("alias", "fields"), ("name", "Fields")));
        var item = await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/value_list_items", ("value_list", list.Id()), ("value", "x")));
        await Http.OkAsync(await Http.PostAsync(client, "/v1/radar/rules", ("rule", "Review if :card_country: = 'FR'")));
        var answer = await service.AssessAsync(Assessor.Payment(context.PlatformId) with { PaymentId = Marketplace.Data.PrefixedId.New("ch") });
        var review = await Http.OkAsync(await client.GetAsync($"/v1/reviews/{answer.ReviewId}", Cancellation));
        var charge = Marketplace.Data.PrefixedId.New("ch");
        await service.Services.GetRequiredService<IBus>().Publish(new EarlyFraudWarningIssued
        {
            ChargeId = charge, PlatformId = context.PlatformId, AccountId = context.AccountId, FraudType = "misc", IssuedAt = DateTimeOffset.UtcNow,
        }, Cancellation);
        var warnings = await Eventually.Until(
            async () => await Http.OkAsync(await client.GetAsync($"/v1/radar/early_fraud_warnings?charge={charge}", Cancellation)),
            json => json.GetProperty("data").GetArrayLength() > 0);

        AssertHasFields(typeof(Stripe.Radar.ValueList), list);
        AssertHasFields(typeof(Stripe.Radar.ValueListItem), item);
        AssertHasFields(typeof(Stripe.Review), review);
        AssertHasFields(typeof(Stripe.Radar.EarlyFraudWarning), warnings.GetProperty("data")[0]);
    }

    static void AssertHasFields(Type model, JsonElement json)
    {
        var names = model.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(property => property.GetCustomAttribute<Newtonsoft.Json.JsonPropertyAttribute>()?.PropertyName)
            .Where(name => name is not null && name != "deleted")
            .Distinct()
            .ToList();
        Assert.True(names.Count >= 5, $"{model.Name}: only {names.Count} JSON fields found; are the attributes read right?");
        var missing = names.Where(name => !json.TryGetProperty(name!, out _)).ToList();
        Assert.True(missing.Count == 0, $"{model.Name} reads {string.Join(", ", missing)}, which our JSON lacks");
    }
}
