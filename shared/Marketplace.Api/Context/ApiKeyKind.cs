namespace Marketplace.Api.Context;

/// <summary>Stripe's three kinds of API key, by their prefixes <c>sk_</c>, <c>pk_</c> and <c>rk_</c>.</summary>
public enum ApiKeyKind
{
    Secret,
    Publishable,
    Restricted,
}
