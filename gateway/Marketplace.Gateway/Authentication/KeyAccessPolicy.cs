using System.Text.RegularExpressions;
using Marketplace.Api.Context;
using Marketplace.Api.Errors;
using Marketplace.Gateway.ApiKeys;

namespace Marketplace.Gateway.Authentication;

/// <summary>
/// What each kind of key may call. A secret key: everything. A publishable key: only what Stripe lets browser and
/// mobile code do (create tokens and payment methods, read and confirm an intent by its client secret, which the
/// owning service checks). A restricted key: its grant for the route's resource, read for GET, write for the rest.
/// </summary>
public static partial class KeyAccessPolicy
{
    public static StripeError? Check(ApiKey key, string resource, string accountId, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(request);
        switch (key.Kind)
        {
            case ApiKeyKind.Publishable when !PublishableKeyMayCall(request.Method, request.Path.Value ?? ""):
                return AuthenticationErrors.SecretKeyRequired();
            case ApiKeyKind.Restricted:
                var needed = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? ResourceAccess.Read : ResourceAccess.Write;
                return key.Permissions.Allows(resource, needed)
                    ? null
                    : AuthenticationErrors.MissingPermission(key.Redacted, accountId, resource, needed == ResourceAccess.Read ? "read" : "write");
            default:
                return null;
        }
    }

    static bool PublishableKeyMayCall(string method, string path) =>
        HttpMethods.IsPost(method) ? PublishablePost().IsMatch(path) : HttpMethods.IsGet(method) && PublishableGet().IsMatch(path);

    [GeneratedRegex("^/v1/(tokens|payment_methods|confirmation_tokens|(payment_intents|setup_intents)/[A-Za-z0-9_]+/confirm)/?$")]
    private static partial Regex PublishablePost();

    /// <summary>An intent by its id; never <c>/search</c>, which the same shape would let read every intent of the account.</summary>
    [GeneratedRegex("^/v1/(payment_intents|setup_intents)/(?!search/?$)[A-Za-z0-9_]+/?$")]
    private static partial Regex PublishableGet();
}
