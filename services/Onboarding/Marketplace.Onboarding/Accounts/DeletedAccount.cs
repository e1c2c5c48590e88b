using System.Text.Json.Serialization;

namespace Marketplace.Onboarding.Accounts;

/// <summary>What <c>DELETE /v1/accounts/{id}</c> answers: Stripe's deleted stub.</summary>
public sealed record DeletedAccount(string Id)
{
    [JsonPropertyName("object")]
    public string ObjectType => "account";

    public bool Deleted => true;
}
