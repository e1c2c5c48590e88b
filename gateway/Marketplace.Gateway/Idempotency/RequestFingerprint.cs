using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Gateway.Idempotency;

/// <summary>
/// What makes two requests "the same" for an idempotency key: method, path and query, the account acted on, and the
/// body byte for byte. A client that re-encodes its parameters differently is told it sent other parameters, which is
/// what Stripe's SDKs never do (they retry the same bytes).
/// </summary>
public static class RequestFingerprint
{
    public static byte[] Of(string method, string pathAndQuery, string accountId, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method}\n{pathAndQuery}\n{accountId}\n"));
        hash.AppendData(body);
        return hash.GetHashAndReset();
    }
}
