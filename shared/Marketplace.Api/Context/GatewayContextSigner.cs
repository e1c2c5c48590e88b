using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Context;

/// <summary>
/// Signs a <see cref="RequestContext"/> into a forwarded request's headers (the gateway) and verifies it (every
/// service): an HMAC-SHA256, keyed by a secret only the gateway and the services hold, over the context, the method,
/// the path and a timestamp, so that a request that did not come through the gateway — or whose context headers
/// were changed on the way — is refused, and a captured one cannot be replayed after <see cref="Tolerance"/>.
/// </summary>
public sealed class GatewayContextSigner
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    readonly byte[] _key;
    readonly TimeProvider _time;

    public GatewayContextSigner(string signingKey, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signingKey);
        ArgumentNullException.ThrowIfNull(time);
        if (signingKey.Length < 32)
        {
            throw new ArgumentException("The gateway context signing key must be at least 32 characters.", nameof(signingKey));
        }

        _key = Encoding.UTF8.GetBytes(signingKey);
        _time = time;
    }

    /// <summary>
    /// The headers that carry <paramref name="context"/> on a <paramref name="method"/> request to <paramref name="path"/>,
    /// signature included, to set on the forwarded request (replacing any the client sent).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Sign(string method, string path, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(context);
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        var signature = string.Create(CultureInfo.InvariantCulture,
            $"t={timestamp},v1={Convert.ToHexStringLower(Mac(timestamp, method, path, context))}");
        var headers = new List<KeyValuePair<string, string>>
        {
            new(GatewayContextHeaders.Platform, context.PlatformId),
            new(GatewayContextHeaders.Account, context.AccountId),
            new(GatewayContextHeaders.KeyKind, KindName(context.KeyKind)),
            new(GatewayContextHeaders.Permissions, context.Permissions.ToString()),
            new(GatewayContextHeaders.RequestId, context.RequestId),
            new(GatewayContextHeaders.Signature, signature),
        };
        if (context.IdempotencyKey is not null)
        {
            headers.Add(new(GatewayContextHeaders.IdempotencyKey, context.IdempotencyKey));
        }

        return headers;
    }

    /// <summary>The verified context, or null when the headers are missing, malformed, stale or not signed by our key.</summary>
    public RequestContext? Verify(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers;
        if (!TryParseSignature(headers[GatewayContextHeaders.Signature].ToString(), out var timestamp, out var mac)
            || Math.Abs(_time.GetUtcNow().ToUnixTimeSeconds() - timestamp) > Tolerance.TotalSeconds
            || ParseKind(headers[GatewayContextHeaders.KeyKind].ToString()) is not { } kind
            || KeyPermissions.Parse(headers[GatewayContextHeaders.Permissions].ToString()) is not { } permissions)
        {
            return null;
        }

        var context = new RequestContext
        {
            PlatformId = headers[GatewayContextHeaders.Platform].ToString(),
            AccountId = headers[GatewayContextHeaders.Account].ToString(),
            KeyKind = kind,
            Permissions = permissions,
            RequestId = headers[GatewayContextHeaders.RequestId].ToString(),
            IdempotencyKey = headers.TryGetValue(GatewayContextHeaders.IdempotencyKey, out var key) ? key.ToString() : null,
        };
        var expected = Mac(timestamp, request.Method, request.Path.Value ?? "", context);
        return context.PlatformId.Length > 0 && context.AccountId.Length > 0 && CryptographicOperations.FixedTimeEquals(expected, mac)
            ? context
            : null;
    }

    byte[] Mac(long timestamp, string method, string path, RequestContext context)
    {
        // One field per line; none of them can hold a line break (header values cannot).
        var payload = string.Join('\n',
            "v1",
            timestamp.ToString(CultureInfo.InvariantCulture),
            method.ToUpperInvariant(),
            path,
            context.PlatformId,
            context.AccountId,
            KindName(context.KeyKind),
            context.Permissions.ToString(),
            context.RequestId,
            context.IdempotencyKey ?? "");
        return HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload));
    }

    static bool TryParseSignature(string header, out long timestamp, out byte[] mac)
    {
        timestamp = 0;
        mac = [];
        if (header.Split(',') is not [var t, var v1] || !t.StartsWith("t=", StringComparison.Ordinal) || !v1.StartsWith("v1=", StringComparison.Ordinal)
            || !long.TryParse(t.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out timestamp))
        {
            return false;
        }

        try
        {
            mac = Convert.FromHexString(v1.AsSpan(3));
            return mac.Length == HMACSHA256.HashSizeInBytes;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    static string KindName(ApiKeyKind kind) => kind switch
    {
        ApiKeyKind.Secret => "secret",
        ApiKeyKind.Publishable => "publishable",
        ApiKeyKind.Restricted => "restricted",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    static ApiKeyKind? ParseKind(string name) => name switch
    {
        "secret" => ApiKeyKind.Secret,
        "publishable" => ApiKeyKind.Publishable,
        "restricted" => ApiKeyKind.Restricted,
        _ => null,
    };
}
