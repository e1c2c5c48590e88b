using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Gateway.Idempotency;

/// <summary>
/// What makes two requests "the same" for an idempotency key: method, path and query, the account acted on, and the
/// body byte for byte. A client that re-encodes its parameters differently is told it sent other parameters, which is
/// what Stripe's SDKs never do (they retry the same bytes). Keyed (HMAC-SHA256): a body may carry a card number, and
/// an unkeyed hash of it could be reversed by trying every number of a card range.
/// </summary>
public sealed class RequestFingerprint(byte[] key)
{
    /// <summary>The key derived from the gateway's context signing key, so that the installation's one secret serves.</summary>
    public static RequestFingerprint FromSigningKey(string signingKey) =>
        new(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), "idempotency request fingerprint"u8));

    public byte[] Of(string method, string pathAndQuery, string accountId, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method}\n{pathAndQuery}\n{accountId}\n"));
        hash.AppendData(body);
        return hash.GetHashAndReset();
    }
}
