using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Marketplace.Onboarding.ExternalAccounts;

namespace Marketplace.Onboarding.HostedOnboarding;

/// <summary>
/// The hosted onboarding page's HTML: one step of the form at a time, with exactly the fields that step still
/// needs, posted back as the API's own parameters. Plain HTML and no script (but for telling an embedding page that
/// embedded onboarding ended), so it works in any browser.
/// </summary>
public static class HostedOnboardingPage
{
    /// <summary>Encodes markup characters only: French text stays readable in the page's source (it is UTF-8).</summary>
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    const string Style = """
        body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1f36}
        label{display:block;margin:.8rem 0 .2rem;font-weight:600}input,select{width:100%;padding:.5rem;box-sizing:border-box}
        input[type=checkbox]{width:auto}.error{color:#c0123c;margin:1rem 0}button{margin-top:1.5rem;padding:.6rem 1.2rem}
        """;

    public static string Step(string locale, string step, int number, int count, IReadOnlyList<HostedField> fields, string country, string? error)
    {
        var html = new StringBuilder();
        var t = (string key) => Encoder.Encode(HostedText.Get(key, locale));
        html.Append(CultureInfo.InvariantCulture,
            $"<!DOCTYPE html><html lang=\"{locale}\"><head><meta charset=\"utf-8\"><title>{t("title")}</title><style>{Style}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"progress\">{Encoder.Encode(string.Format(CultureInfo.InvariantCulture, HostedText.Get("step", locale), number, count))}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{t(step)}</h1>");
        if (error is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" role=\"alert\">{Encoder.Encode(error)}</p>");
        }

        html.Append("<form method=\"post\" enctype=\"multipart/form-data\">");
        html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"step\" value=\"{step}\">");
        foreach (var field in fields.DistinctBy(f => f.InputName))
        {
            AppendInput(html, field, locale, country, t);
        }

        html.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" id=\"continue\">{t("continue")}</button></form></body></html>");
        return html.ToString();
    }

    /// <summary>
    /// The end of embedded onboarding, inside the platform's page: the one script of these pages tells the frame's
    /// parent, which closes or replaces the frame (Stripe's embedded component calls the platform's <c>onExit</c>).
    /// </summary>
    public static string EmbeddedCompleted(string locale) =>
        $"<!DOCTYPE html><html lang=\"{locale}\"><head><meta charset=\"utf-8\"><title>{Encoder.Encode(HostedText.Get("title", locale))}</title></head>"
        + $"<body><p id=\"completed\">{Encoder.Encode(HostedText.Get("completed", locale))}</p>"
        + "<script>if (window.parent !== window) { window.parent.postMessage({ type: 'account_onboarding.exit' }, '*'); }</script></body></html>";

    public static string Message(string locale, string key) =>
        $"<!DOCTYPE html><html lang=\"{locale}\"><head><meta charset=\"utf-8\"><title>{Encoder.Encode(HostedText.Get("title", locale))}</title></head>"
        + $"<body><p>{Encoder.Encode(HostedText.Get(key, locale))}</p></body></html>";

    static void AppendInput(StringBuilder html, HostedField field, string locale, string country, Func<string, string> t)
    {
        var id = field.InputName.Replace('[', '_').Replace("]", "", StringComparison.Ordinal);
        void Input(string name, string inputId, string label, string attributes) =>
            html.Append(CultureInfo.InvariantCulture, $"<label for=\"{inputId}\">{t(label)}</label><input id=\"{inputId}\" name=\"{name}\" {attributes} required>");

        switch (field.InputType)
        {
            case "business_type":
                html.Append(CultureInfo.InvariantCulture, $"<label for=\"{id}\">{t(field.Label)}</label><select id=\"{id}\" name=\"{field.InputName}\" required>");
                html.Append(CultureInfo.InvariantCulture, $"<option value=\"individual\">{t("individual")}</option><option value=\"company\">{t("company")}</option></select>");
                break;
            case "checkbox":
                html.Append(CultureInfo.InvariantCulture,
                    $"<label><input type=\"checkbox\" id=\"{id}\" name=\"{field.InputName}\" value=\"true\" required> {t(field.Label)}</label>");
                break;
            case "tos":
                html.Append(CultureInfo.InvariantCulture, $"<label><input type=\"checkbox\" id=\"tos_accept\" name=\"tos_accept\" value=\"true\" required> {t("tos")}</label>");
                break;
            case "file":
                Input(field.InputName, id, field.Label, "type=\"file\" accept=\"image/*,application/pdf\"");
                break;
            case "bank" when BankAccountNumber.UsesIban(country):
                Input("external_account[account_number]", "iban", "iban", "type=\"text\" autocomplete=\"off\"");
                break;
            case "bank":
                Input("external_account[routing_number]", "routing_number", "routing_number", "type=\"text\" inputmode=\"numeric\"");
                Input("external_account[account_number]", "account_number", "account_number", "type=\"text\" inputmode=\"numeric\" autocomplete=\"off\"");
                break;
            case "day":
                Input(field.InputName, id, field.Label, "type=\"number\" min=\"1\" max=\"31\"");
                break;
            case "month":
                Input(field.InputName, id, field.Label, "type=\"number\" min=\"1\" max=\"12\"");
                break;
            case "year":
                Input(field.InputName, id, field.Label, "type=\"number\" min=\"1900\" max=\"2100\"");
                break;
            case "mcc":
                Input(field.InputName, id, field.Label, "type=\"text\" inputmode=\"numeric\" pattern=\"[0-9]{4}\"");
                break;
            default:
                Input(field.InputName, id, field.Label, $"type=\"{field.InputType}\"");
                break;
        }
    }
}
