using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Payments.Authentication;

/// <summary>
/// Where the browser goes after a challenge: the intent's <c>return_url</c> with the query Stripe adds —
/// <c>payment_intent</c> and <c>payment_intent_client_secret</c> (or <c>setup_intent</c> and
/// <c>setup_intent_client_secret</c>) and <c>redirect_status</c> — kept beside any query the URL already has.
/// </summary>
internal static class ReturnUrls
{
    public static string For(StoredChallenge challenge, bool succeeded)
    {
        ArgumentNullException.ThrowIfNull(challenge.ReturnUrl);
        var intent = challenge.Subject.StartsWith("seti_", StringComparison.Ordinal) ? "setup_intent" : "payment_intent";
        return QueryHelpers.AddQueryString(challenge.ReturnUrl, new Dictionary<string, string?>
        {
            [intent] = challenge.Subject,
            [$"{intent}_client_secret"] = challenge.ClientSecret,
            ["redirect_status"] = succeeded ? "succeeded" : "failed",
        });
    }
}
