using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Webhooks.Deliveries;

/// <summary>
/// Stripe's <c>Stripe-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.payload"&gt;</c>,
/// keyed by the endpoint's whole secret (<c>whsec_…</c> included), which is what the SDKs' verifiers check.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "Stripe-Signature";

    public static string Create(string secret, DateTimeOffset timestamp, string payload)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(payload);
        var seconds = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{seconds}.{payload}"));
        return $"t={seconds},v1={Convert.ToHexStringLower(mac)}";
    }
}
