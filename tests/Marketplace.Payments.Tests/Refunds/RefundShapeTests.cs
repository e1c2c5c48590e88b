using System.Reflection;
using System.Text.Json;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.Refunds;

/// <summary>
/// Our <c>refund</c> has every field of Stripe.net's <c>Refund</c> model and no other, and Stripe.net's
/// <c>RefundService</c> works against the service.
/// </summary>
public sealed class RefundShapeTests(SettlingPaymentsService service) : IClassFixture<SettlingPaymentsService>
{
    [Fact]
    public async Task Refund_HasExactlyTheSdksFields()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context);
        using var client = service.ClientFor(context);

        var refund = await Http.OkAsync(await Http.PostAsync(client, "/v1/refunds", ("charge", charge.Id)));

        Assert.Equal(SdkFields(typeof(Stripe.Refund)).Order(StringComparer.Ordinal), Keys(refund));
        Assert.Equal("refund", refund.Text("object"));
        Assert.Equal(["card", "type"], Keys(refund.GetProperty("destination_details")));
        Assert.Subset(SdkFields(typeof(Stripe.RefundDestinationDetailsCard)), Keys(refund.GetProperty("destination_details").GetProperty("card")).ToHashSet());
    }

    [Fact]
    public async Task RefundService_CreatesRetrievesUpdatesAndLists()
    {
        var context = TestContexts.NewPlatform();
        var charge = await SettledCharges.CreateAsync(service.Database, context, amount: 2000);
        var refunds = service.RefundsFor(context);
        var cancellationToken = TestContext.Current.CancellationToken;

        var created = await refunds.CreateAsync(new Stripe.RefundCreateOptions
        {
            PaymentIntent = charge.PaymentIntentId,
            Amount = 500,
            Reason = "duplicate",
            Metadata = new Dictionary<string, string> { ["order"] = "42" },
        }, cancellationToken: cancellationToken);
        var updated = await refunds.UpdateAsync(
            created.Id, new Stripe.RefundUpdateOptions { Metadata = new Dictionary<string, string> { ["order"] = "43" } }, cancellationToken: cancellationToken);
        var retrieved = await refunds.GetAsync(created.Id, cancellationToken: cancellationToken);
        var listed = await refunds.ListAsync(new Stripe.RefundListOptions { Charge = charge.Id }, cancellationToken: cancellationToken);

        Assert.Equal("succeeded", created.Status);
        Assert.Equal(500, created.Amount);
        Assert.Equal(charge.Id, created.ChargeId);
        Assert.Equal(charge.PaymentIntentId, created.PaymentIntentId);
        Assert.Equal("43", updated.Metadata["order"]);
        Assert.Equal(created.BalanceTransactionId, retrieved.BalanceTransactionId);
        Assert.Equal([created.Id], listed.Data.Select(r => r.Id));
    }

    static List<string> Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    /// <summary>The JSON names of a Stripe.net model, private expandable references included.</summary>
    static HashSet<string> SdkFields(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .SelectMany(p => p.CustomAttributes)
            .Where(a => a.AttributeType.Name is "JsonPropertyAttribute" or "JsonPropertyNameAttribute" && a.ConstructorArguments.Count == 1)
            .Select(a => (string)a.ConstructorArguments[0].Value!),
    ];
}
