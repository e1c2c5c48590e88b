using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Marketplace.Payments.Customers;

/// <summary>
/// The <c>page</c> token of a customer search: the id of the last customer of the previous page, so that the next
/// page continues from it (results are newest first) and stays stable while customers are added. Opaque to
/// clients, as Stripe's tokens are.
/// </summary>
internal static class SearchPage
{
    const string Prefix = "cus_";

    static readonly SearchValues<char> Base62 = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static string Encode(string lastId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastId));

    public static bool TryDecode(string token, [NotNullWhen(true)] out string? lastId)
    {
        lastId = null;
        if (!Base64Url.IsValid(token))
        {
            return false;
        }

        var id = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        if (!id.StartsWith(Prefix, StringComparison.Ordinal) || id.Length == Prefix.Length || id.AsSpan(Prefix.Length).ContainsAnyExcept(Base62))
        {
            return false;
        }

        lastId = id;
        return true;
    }
}
