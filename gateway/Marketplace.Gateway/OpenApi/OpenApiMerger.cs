using System.Text.Json.Nodes;
using Marketplace.Api;

namespace Marketplace.Gateway.OpenApi;

/// <summary>
/// One OpenAPI document for the whole API from each service's own: every <c>/v1</c> path (tagged with its service
/// when the service did not tag it), every schema (the first service to name one keeps the name), and the
/// gateway's authentication, which no service knows about.
/// </summary>
public static class OpenApiMerger
{
    public static JsonObject Merge(IEnumerable<(string Service, JsonNode? Document)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var paths = new JsonObject();
        var schemas = new JsonObject();
        var unavailable = new JsonArray();
        foreach (var (service, document) in documents.OrderBy(d => d.Service, StringComparer.Ordinal))
        {
            if (document is null)
            {
                unavailable.Add(service);
                continue;
            }

            foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
            {
                if (path.StartsWith("/v1/", StringComparison.Ordinal) && item is JsonObject operations && !paths.ContainsKey(path))
                {
                    paths[path] = Tagged(operations.DeepClone().AsObject(), service);
                }
            }

            foreach (var (name, schema) in document["components"]?["schemas"]?.AsObject() ?? [])
            {
                if (!schemas.ContainsKey(name))
                {
                    schemas[name] = schema?.DeepClone();
                }
            }
        }

        var merged = new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject
            {
                ["title"] = "Marketplace API",
                ["version"] = StripeApiVersion.Current,
                ["description"] = "A compatible subset of Stripe's v1 API. Authenticate with a secret key as a bearer token "
                    + "(or as the HTTP basic user name); act on a connected account with the Stripe-Account header.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" },
                    ["basic"] = new JsonObject { ["type"] = "http", ["scheme"] = "basic" },
                },
            },
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }, new JsonObject { ["basic"] = new JsonArray() }),
        };
        if (unavailable.Count > 0)
        {
            merged["x-unavailable-services"] = unavailable;
        }

        return merged;
    }

    static JsonObject Tagged(JsonObject operations, string service)
    {
        foreach (var (_, operation) in operations)
        {
            if (operation is JsonObject { } op && op["tags"] is null)
            {
                op["tags"] = new JsonArray(service);
            }
        }

        return operations;
    }
}
