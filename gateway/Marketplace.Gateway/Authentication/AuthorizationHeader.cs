using System.Text;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Gateway.Authentication;

/// <summary>
/// The API key of a request, as Stripe accepts it: <c>Authorization: Bearer sk_…</c>, or HTTP basic with the key as the
/// user name and no password (<c>curl -u sk_…:</c>).
/// </summary>
public static class AuthorizationHeader
{
    public static string? ReadKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return NonEmpty(header["Bearer ".Length..].Trim());
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return NonEmpty(DecodeBasicUser(header["Basic ".Length..].Trim()));
        }

        return null;
    }

    static string? DecodeBasicUser(string encoded)
    {
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length))
        {
            return null;
        }

        var credentials = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? credentials : credentials[..colon];
    }

    static string? NonEmpty(string? key) => string.IsNullOrEmpty(key) ? null : key;
}
