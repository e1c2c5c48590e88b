using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Marketplace.Payments.Authentication;

/// <summary>
/// The hosted authentication page's HTML, worded as Stripe's test pages are: plain HTML and no script, so it works
/// in any browser. Everything that comes from a request or the database is HTML-encoded.
/// </summary>
internal static class AuthenticationPage
{
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    const string Style = """
        body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1f36}
        button{margin:1.5rem .5rem 0 0;padding:.6rem 1.2rem}
        """;

    /// <summary>The pending challenge: two buttons posting <c>outcome=succeeded</c> or <c>outcome=failed</c> back to the page.</summary>
    public static string Challenge(StoredChallenge challenge)
    {
        var (title, explanation, complete, fail) = challenge.Kind switch
        {
            ChallengeKinds.ThreeDSecure => ("3D Secure 2 Test Page", "This is a test authentication of your card by its issuer.", "Complete authentication", "Fail authentication"),
            ChallengeKinds.Ideal => ("iDEAL test payment page", "This is a test redirect to your bank.", "Authorize test payment", "Fail test payment"),
            ChallengeKinds.Bancontact => ("Bancontact test payment page", "This is a test redirect to your bank.", "Authorize test payment", "Fail test payment"),
            _ => ("PayPal test payment page", "This is a test redirect to PayPal.", "Authorize test payment", "Fail test payment"),
        };
        return Document(title,
            $"<h1>{Encoder.Encode(title)}</h1><p>{Encoder.Encode(explanation)}</p>"
            + "<form method=\"post\">"
            + $"<button type=\"submit\" id=\"complete\" name=\"outcome\" value=\"succeeded\">{Encoder.Encode(complete)}</button>"
            + $"<button type=\"submit\" id=\"fail\" name=\"outcome\" value=\"failed\">{Encoder.Encode(fail)}</button>"
            + "</form>");
    }

    /// <summary>Shown after the choice when the intent has no <c>return_url</c> to go back to.</summary>
    public static string Result(bool succeeded) =>
        Document("Authentication", succeeded
            ? "<p id=\"result\" data-status=\"succeeded\">Authentication completed. You may close this page.</p>"
            : "<p id=\"result\" data-status=\"failed\">Authentication failed. You may close this page.</p>");

    public static string NotFound() => Document("Authentication", "<p id=\"invalid\">This authentication link is not valid.</p>");

    static string Document(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Encoder.Encode(title)}</title><style>{Style}</style></head><body>{body}</body></html>";
}
