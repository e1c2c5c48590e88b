using System.Text.Json.Nodes;
using Marketplace.Api.Documentation;
using Marketplace.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Tests.Documentation;

public sealed class StripeApiDocumentTests
{
    [Fact]
    public async Task TheDocument_DescribesV1EndpointsWithTheirParameters_AndNothingElse()
    {
        await using var host = await ApiHost.StartAsync(
            app =>
            {
                app.MapStripeApiDocument();
                app.MapPost("/v1/things", () => Results.Ok())
                    .WithSummary("Create a thing")
                    .WithParameters(new FormParameter("name", "The thing's name.", Required: true), new FormParameter("metadata", "Key-value pairs."));
                app.MapGet("/v1/things", () => Results.Ok()).WithParameters(new FormParameter("limit", "Up to 100."));
                app.MapGet("/internal/secret", () => Results.Ok());
            },
            services => services.AddStripeApiDocument("things"));

        var document = JsonNode.Parse(await host.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;

        Assert.Equal("things", document["info"]!["title"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject();
        Assert.Equal(["/v1/things"], paths.Select(p => p.Key));
        var create = paths["/v1/things"]!["post"]!;
        Assert.Equal("Create a thing", create["summary"]!.GetValue<string>());
        var form = create["requestBody"]!["content"]!["application/x-www-form-urlencoded"]!["schema"]!;
        Assert.Equal("The thing's name.", form["properties"]!["name"]!["description"]!.GetValue<string>());
        Assert.Equal(["name"], form["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        var list = paths["/v1/things"]!["get"]!["parameters"]!.AsArray();
        Assert.Contains(list, p => p!["name"]!.GetValue<string>() == "limit" && p["in"]!.GetValue<string>() == "query");
    }
}
