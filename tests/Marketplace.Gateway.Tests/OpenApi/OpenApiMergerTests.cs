using System.Text.Json.Nodes;
using Marketplace.Gateway.OpenApi;

namespace Marketplace.Gateway.Tests.OpenApi;

public sealed class OpenApiMergerTests
{
    static JsonNode Document(string path, string schema) => JsonNode.Parse($$"""
        {
          "openapi": "3.1.1",
          "paths": { "{{path}}": { "get": { "summary": "list" } }, "/health": { "get": {} } },
          "components": { "schemas": { "{{schema}}": { "type": "object" } } }
        }
        """)!;

    [Fact]
    public void Merge_KeepsEveryServicesV1PathsTaggedWithTheService_AndTheirSchemas()
    {
        var merged = OpenApiMerger.Merge([("payments", Document("/v1/customers", "Customer")), ("webhooks", Document("/v1/events", "Event"))]);

        var paths = merged["paths"]!.AsObject();
        Assert.Equal(["/v1/customers", "/v1/events"], paths.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("payments", paths["/v1/customers"]!["get"]!["tags"]![0]!.GetValue<string>());
        Assert.Equal("webhooks", paths["/v1/events"]!["get"]!["tags"]![0]!.GetValue<string>());
        Assert.True(merged["components"]!["schemas"]!.AsObject().ContainsKey("Customer"));
        Assert.True(merged["components"]!["schemas"]!.AsObject().ContainsKey("Event"));
        Assert.Equal(Marketplace.Api.StripeApiVersion.Current, merged["info"]!["version"]!.GetValue<string>());
        Assert.NotNull(merged["components"]!["securitySchemes"]!["bearer"]);
        Assert.Null(merged["x-unavailable-services"]);
    }

    [Fact]
    public void Merge_NamesTheServicesThatDidNotAnswer()
    {
        var merged = OpenApiMerger.Merge([("payments", Document("/v1/customers", "Customer")), ("ledger", null)]);

        Assert.Equal(["ledger"], merged["x-unavailable-services"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public void ReferencePage_ListsOperationsAndEncodesWhatTheServicesWrote()
    {
        var document = Document("/v1/customers", "Customer");
        document["paths"]!["/v1/customers"]!["get"]!["summary"] = "<script>alert(1)</script>";

        var page = ApiReferencePage.Render(OpenApiMerger.Merge([("payments", document)]));

        Assert.Contains("<code>/v1/customers</code>", page, StringComparison.Ordinal);
        Assert.Contains("<h2>payments</h2>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }
}
