using Marketplace.Contracts.Fraud;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Fraud.Tests.Support;

/// <summary>Asks the service's consumer for assessments over RabbitMQ, as Payments will: request/response with a deadline.</summary>
static class Assessor
{
    public static async Task<PaymentAssessed> AssessAsync(this FraudService service, AssessPayment request, TimeSpan? timeout = null)
    {
        var client = service.Services.GetRequiredService<IBus>()
            .CreateRequestClient<AssessPayment>(AssessPayment.Address, RequestTimeout.After(s: (int)(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds));
        var response = await client.GetResponse<PaymentAssessed>(request, TestContext.Current.CancellationToken);
        return response.Message;
    }

    /// <summary>A plain card payment of €50 from France by a returning guest, varied by <c>with</c>.</summary>
    public static AssessPayment Payment(string platformId, string? paymentId = null) => new()
    {
        PaymentId = paymentId ?? Marketplace.Data.PrefixedId.New("pi"),
        PlatformId = platformId,
        AccountId = platformId,
        Amount = 5000,
        Currency = "eur",
        CardFingerprint = Marketplace.Data.PrefixedId.New("fp"),
        CardBin = "424242",
        CardLast4 = "4242",
        CardCountry = "FR",
        CardBrand = "visa",
        CardFunding = "credit",
        CvcCheck = "pass",
        AddressLine1Check = "pass",
        AddressZipCheck = "pass",
        IpAddress = "203.0.113.7",
        IpCountry = "FR",
        Email = "jenny@example.com",
    };
}
