using System.Net;
using System.Text.Json;
using Marketplace.Api.Context;
using Marketplace.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Tests.Context;

public sealed class GatewayContextMiddlewareTests
{
    const string Key = "a-signing-key-of-at-least-thirty-two-characters";

    [Fact]
    public async Task UnsignedV1Request_Is401AndNeverReachesTheEndpoint()
    {
        var reached = false;
        await using var host = await StartAsync(() => reached = true);

        using var response = await host.Client.GetAsync("/v1/things", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("invalid_request_error", body.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.False(reached);
    }

    [Fact]
    public async Task SignedV1Request_ReachesTheEndpointWithItsContext()
    {
        await using var host = await StartAsync(() => { });
        var signer = new GatewayContextSigner(Key, TimeProvider.System);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/things");
        foreach (var (name, value) in signer.Sign("GET", "/v1/things", new RequestContext
        {
            PlatformId = "acct_p",
            AccountId = "acct_p",
            KeyKind = ApiKeyKind.Secret,
            Permissions = KeyPermissions.All,
            RequestId = "req_9",
        }))
        {
            request.Headers.Add(name, value);
        }

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("acct_p req_9", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PathsOutsideV1_NeedNoContext()
    {
        await using var host = await StartAsync(() => { });

        using var response = await host.Client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    static Task<ApiHost> StartAsync(Action onReached) => ApiHost.StartAsync(
        app =>
        {
            app.UseMiddleware<GatewayContextMiddleware>();
            app.MapGet("/v1/things", (RequestContext context) =>
            {
                onReached();
                return $"{context.AccountId} {context.RequestId}";
            });
            app.MapGet("/health", () => "ok");
        },
        settings: new Dictionary<string, string?> { [StripeApiExtensions.ContextSigningKeySetting] = Key });
}
