using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Marketplace.Payments.Search;

/// <summary>
/// The <c>page</c> token of a search: the id of the last object of the previous page, so that the next page continues
/// from it (results are newest first) and stays stable while objects are added. Opaque to clients, as Stripe's
/// tokens are; a token only decodes to an id of the searched object's prefix (<c>cus_</c>, <c>pi_</c>).
/// </summary>
internal static class SearchPage
{
    static readonly SearchValues<char> Base62 = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static string Encode(string lastId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastId));

    public static bool TryDecode(string token, string prefix, [NotNullWhen(true)] out string? lastId)
    {
        lastId = null;
        if (!Base64Url.IsValid(token))
        {
            return false;
        }

        var id = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        if (!id.StartsWith(prefix, StringComparison.Ordinal) || id.Length == prefix.Length || id.AsSpan(prefix.Length).ContainsAnyExcept(Base62))
        {
            return false;
        }

        lastId = id;
        return true;
    }
}
