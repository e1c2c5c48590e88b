using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Marketplace.Payments.PaymentMethods;

namespace Marketplace.Payments.Mandates;

/// <summary>
/// The mandate page's HTML: the reference, the account debited, how and when the payer accepted, and the SEPA
/// scheme's standard mandate wording with the payer's right to a refund. Everything from the database is HTML-encoded.
/// </summary>
internal static class MandatePage
{
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    const string Style = "body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1a1f36}dt{font-weight:600}";

    public static string Show(Mandate mandate, PaymentMethod method)
    {
        var acceptance = mandate.CustomerAcceptance;
        var accepted = acceptance.AcceptedAt.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var how = acceptance.Online is { } online ? $"online, from {online.IpAddress}" : "offline";
        return Document(
            "<h1>SEPA Direct Debit mandate</h1>"
            + "<dl>"
            + Item("Mandate reference", mandate.PaymentMethodDetails.SepaDebit.Reference, "reference")
            + Item("Account holder", method.BillingDetails.Name ?? "", "holder")
            + Item("Account", $"IBAN ending in {method.SepaDebit?.Last4}", "account")
            + Item("Accepted", $"{accepted}, {how}", "accepted")
            + Item("Status", mandate.Status, "status")
            + "</dl>"
            + "<p>By accepting this mandate, you authorised the merchant and its payment provider to send instructions to your bank to "
            + "debit your account, and your bank to debit your account in accordance with those instructions. You are entitled to a "
            + "refund from your bank under the terms and conditions of your agreement with it; a refund must be claimed within eight "
            + "weeks starting from the date on which your account was debited.</p>");
    }

    public static string NotFound() => Document("<p id=\"invalid\">This mandate link is not valid.</p>");

    static string Item(string term, string value, string id) => $"<dt>{Encoder.Encode(term)}</dt><dd id=\"{id}\">{Encoder.Encode(value)}</dd>";

    static string Document(string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SEPA Direct Debit mandate</title><style>{Style}</style></head><body>{body}</body></html>";
}
