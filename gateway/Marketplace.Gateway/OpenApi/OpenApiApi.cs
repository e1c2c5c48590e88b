using System.Text.Json;

namespace Marketplace.Gateway.OpenApi;

public static class OpenApiApi
{
    /// <summary><c>GET /openapi.json</c>, the whole API in one document, and <c>GET /docs</c>, the same as a page. Public, like Stripe's reference.</summary>
    public static IEndpointRouteBuilder MapOpenApiApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/openapi.json", async (ServiceDocuments documents, CancellationToken cancellationToken) =>
            Results.Text((await documents.GetMergedAsync(cancellationToken)).ToJsonString(Indented), "application/json"));
        endpoints.MapGet("/docs", async (ServiceDocuments documents, CancellationToken cancellationToken) =>
            Results.Content(ApiReferencePage.Render(await documents.GetMergedAsync(cancellationToken)), "text/html; charset=utf-8"));
        return endpoints;
    }

    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
