using System.Security.Cryptography;

namespace Marketplace.Webhooks.WebhookEndpoints;

/// <summary>An endpoint's signing secret, in Stripe's shape: <c>whsec_</c> and 32 random alphanumerics (about 190 bits).</summary>
public static class WebhookSecret
{
    const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New() => "whsec_" + RandomNumberGenerator.GetString(Alphabet, 32);
}
