using System.Reflection;
using System.Text.Json;
using Marketplace.Payments.Charges;
using Marketplace.Payments.Processor;
using Marketplace.Payments.Tests.Support;

namespace Marketplace.Payments.Tests.Disputes;

/// <summary>
/// Our <c>dispute</c> has every field of Stripe.net's <c>Dispute</c> model and no other, and Stripe.net's
/// <c>DisputeService</c> works against the service.
/// </summary>
public sealed class DisputeShapeTests(SettlingPaymentsService service) : IClassFixture<SettlingPaymentsService>
{
    [Fact]
    public async Task Dispute_HasExactlyTheSdksFields()
    {
        var (_, id) = await OpenAsync();
        using var client = service.ClientFor(Context);

        var dispute = await Http.OkAsync(await client.GetAsync($"/v1/disputes/{id}", TestContext.Current.CancellationToken));

        Assert.Equal(SdkFields(typeof(Stripe.Dispute)).Order(StringComparer.Ordinal), Keys(dispute));
        Assert.Equal(
            SdkFields(typeof(Stripe.DisputeEvidence)).Order(StringComparer.Ordinal),
            Keys(dispute.GetProperty("evidence")));
        Assert.Equal(SdkFields(typeof(Stripe.DisputeEvidenceDetails)).Order(StringComparer.Ordinal), Keys(dispute.GetProperty("evidence_details")));
        Assert.Subset(SdkFields(typeof(Stripe.BalanceTransaction)), Keys(dispute.GetProperty("balance_transactions")[0]).ToHashSet());
        Assert.Subset(SdkFields(typeof(Stripe.DisputePaymentMethodDetailsCard)), Keys(dispute.GetProperty("payment_method_details").GetProperty("card")).ToHashSet());
    }

    [Fact]
    public async Task DisputeService_RetrievesListsUpdatesAndCloses()
    {
        var (charge, id) = await OpenAsync();
        var disputes = service.DisputesFor(Context);
        var cancellationToken = TestContext.Current.CancellationToken;

        var retrieved = await disputes.GetAsync(id, cancellationToken: cancellationToken);
        var listed = await disputes.ListAsync(new Stripe.DisputeListOptions { Charge = charge.Id }, cancellationToken: cancellationToken);
        var updated = await disputes.UpdateAsync(id, new Stripe.DisputeUpdateOptions
        {
            Evidence = new Stripe.DisputeEvidenceOptions { CustomerName = "Jenny Rosen", UncategorizedText = "losing_evidence" },
            Metadata = new Dictionary<string, string> { ["case"] = "7" },
        }, cancellationToken: cancellationToken);
        var closed = await disputes.CloseAsync(id, cancellationToken: cancellationToken);

        Assert.Equal(charge.Id, retrieved.ChargeId);
        Assert.Equal("needs_response", retrieved.Status);
        Assert.Equal(id, Assert.Single(listed.Data).Id);
        Assert.Equal("Jenny Rosen", updated.Evidence.CustomerName);
        Assert.Equal("7", updated.Metadata["case"]);
        Assert.Equal("lost", closed.Status);
        Assert.NotNull(closed.EvidenceDetails.DueBy);
    }

    Marketplace.Api.Context.RequestContext Context { get; } = TestContexts.NewPlatform();

    async Task<(ChargeRow Charge, string DisputeId)> OpenAsync()
    {
        var charge = await SettledCharges.CreateAsync(service.Database, Context, aftermath: new CardAftermath(DisputeReason: "product_not_received"));
        await service.Bus.Publish(
            new ChargeSettled { ChargeId = charge.Id, PaymentIntentId = charge.PaymentIntentId, PlatformId = charge.PlatformId, AccountId = charge.AccountId },
            TestContext.Current.CancellationToken);
        using var client = service.ClientFor(Context);
        var page = await Eventually.Until(
            async () => await Http.OkAsync(await client.GetAsync($"/v1/disputes?charge={charge.Id}", TestContext.Current.CancellationToken)),
            list => list.GetProperty("data").EnumerateArray().Any(d => d.GetProperty("balance_transactions").GetArrayLength() > 0));
        return (charge, page.GetProperty("data")[0].Id());
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
