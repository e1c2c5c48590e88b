using System.Security.Cryptography;
using System.Text;
using Marketplace.Api.Context;

namespace Marketplace.Gateway.ApiKeys;

/// <summary>
/// The key strings themselves: <c>sk_test_</c>, <c>pk_test_</c> or <c>rk_test_</c> followed by 32 base62 characters
/// (190 random bits). Only their SHA-256 hash is stored; a fast hash suffices for random keys (nothing to guess), and
/// keeps the lookup on every request cheap.
/// </summary>
public static class ApiKeySecret
{
    const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    const int RandomLength = 32;

    public static string New(ApiKeyKind kind) => Prefix(kind) + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    public static byte[] Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>The kind a key's prefix claims; null when it is not one of ours in test mode.</summary>
    public static ApiKeyKind? KindOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var kind in Enum.GetValues<ApiKeyKind>())
        {
            if (key.StartsWith(Prefix(kind), StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>How Stripe echoes a key in errors and dashboards: <c>sk_test_********************abcd</c>.</summary>
    public static string Redact(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var prefix = KindOf(key) is { } kind ? Prefix(kind) : "";
        var tail = key.Length - prefix.Length > 4 ? key[^4..] : "";
        return prefix + new string('*', Math.Max(0, key.Length - prefix.Length - tail.Length)) + tail;
    }

    public static string Prefix(ApiKeyKind kind) => kind switch
    {
        ApiKeyKind.Secret => "sk_test_",
        ApiKeyKind.Publishable => "pk_test_",
        ApiKeyKind.Restricted => "rk_test_",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
