using System.Text.Json.Serialization;

namespace Marketplace.Payments.Customers;

/// <summary>What <c>DELETE /v1/customers/{id}</c> answers: Stripe's deleted stub, without <c>livemode</c>.</summary>
public sealed record DeletedCustomer(string Id)
{
    [JsonPropertyName("object")]
    public string ObjectType => "customer";

    public bool Deleted => true;
}
