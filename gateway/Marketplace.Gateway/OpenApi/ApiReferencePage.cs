using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;

namespace Marketplace.Gateway.OpenApi;

/// <summary>
/// A readable API reference rendered on the server from the merged document: no script, no assets to host, so it
/// works on a machine without internet access. One section per service, one entry per operation.
/// </summary>
public static class ApiReferencePage
{
    static readonly string[] Methods = ["get", "post", "delete"];

    public static string Render(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder();
        var title = Text(document["info"]?["title"]);
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title>")
            .Append("<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1f36}")
            .Append("code{background:#f6f8fa;padding:.1rem .3rem;border-radius:4px}.op{border-top:1px solid #e3e8ee;padding:.8rem 0}")
            .Append(".m{display:inline-block;width:4rem;font-weight:600;text-transform:uppercase}td,th{text-align:left;padding:.2rem .8rem .2rem 0}</style>")
            .Append("</head><body><h1>").Append(title).Append("</h1><p>API version <code>")
            .Append(Text(document["info"]?["version"])).Append("</code>. ").Append(Text(document["info"]?["description"]))
            .Append(" The machine-readable document is <a href=\"/openapi.json\">/openapi.json</a>.</p>");

        var operations = Operations(document).GroupBy(o => o.Tag).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var service in operations)
        {
            html.Append("<h2>").Append(Encode(service.Key)).Append("</h2>");
            foreach (var (_, method, path, operation) in service.OrderBy(o => o.Path, StringComparer.Ordinal))
            {
                html.Append("<div class=\"op\"><span class=\"m\">").Append(method).Append("</span><code>").Append(Encode(path)).Append("</code>");
                if (operation["summary"] is { } summary)
                {
                    html.Append(" — ").Append(Text(summary));
                }

                if (operation["description"] is { } description)
                {
                    html.Append("<p>").Append(Text(description)).Append("</p>");
                }

                AppendParameters(html, operation);
                html.Append("</div>");
            }
        }

        if (document["x-unavailable-services"] is JsonArray unavailable)
        {
            html.Append("<p><em>Not described right now (the service did not answer): ")
                .Append(Encode(string.Join(", ", unavailable.Select(s => s?.ToString())))).Append(".</em></p>");
        }

        return html.Append("</body></html>").ToString();
    }

    static IEnumerable<(string Tag, string Method, string Path, JsonObject Operation)> Operations(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
        {
            foreach (var method in Methods)
            {
                if (item?[method] is JsonObject operation)
                {
                    yield return (operation["tags"]?[0]?.ToString() ?? "other", method, path, operation);
                }
            }
        }
    }

    static void AppendParameters(StringBuilder html, JsonObject operation)
    {
        var rows = (operation["parameters"]?.AsArray() ?? [])
            .Select(p => (Name: p?["name"]?.ToString(), In: p?["in"]?.ToString(), Description: p?["description"]?.ToString()))
            .Concat((operation["requestBody"]?["content"]?["application/x-www-form-urlencoded"]?["schema"]?["properties"]?.AsObject() ?? [])
                .Select(p => (Name: (string?)p.Key, In: (string?)"body", Description: p.Value?["description"]?.ToString())))
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        html.Append("<table><tr><th>parameter</th><th>in</th><th></th></tr>");
        foreach (var (name, location, description) in rows)
        {
            html.Append("<tr><td><code>").Append(Encode(name)).Append("</code></td><td>").Append(Encode(location))
                .Append("</td><td>").Append(Encode(description)).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    static string Text(JsonNode? node) => Encode(node?.ToString());

    static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");
}
