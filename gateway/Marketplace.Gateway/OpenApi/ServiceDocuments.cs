using System.Text.Json.Nodes;
using Yarp.ReverseProxy;

namespace Marketplace.Gateway.OpenApi;

/// <summary>
/// Fetches each service's own document (<c>/openapi/v1.json</c> on the first destination of its cluster) and keeps
/// the merged result for a minute: the API surface changes with deployments, not with requests. A service that is
/// down is left out and named under <c>x-unavailable-services</c>; the next refresh picks it up.
/// </summary>
public sealed class ServiceDocuments(IProxyStateLookup proxyState, IHttpClientFactory httpClientFactory, TimeProvider time) : IDisposable
{
    public const string HttpClientName = "openapi";
    public const string ServiceDocumentPath = "openapi/v1.json";
    static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(1);

    readonly SemaphoreSlim _refresh = new(1, 1);
    (JsonObject Document, DateTimeOffset Expires)? _cached;

    public async Task<JsonObject> GetMergedAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached && cached.Expires > time.GetUtcNow())
        {
            return cached.Document;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } fresh && fresh.Expires > time.GetUtcNow())
            {
                return fresh.Document;
            }

            var documents = await Task.WhenAll(proxyState.GetClusters().Select(c => FetchAsync(c.ClusterId, c, cancellationToken)));
            var merged = OpenApiMerger.Merge(documents);
            _cached = (merged, time.GetUtcNow() + CacheDuration);
            return merged;
        }
        finally
        {
            _refresh.Release();
        }
    }

    async Task<(string, JsonNode?)> FetchAsync(string service, Yarp.ReverseProxy.Model.ClusterState cluster, CancellationToken cancellationToken)
    {
        if (cluster.Destinations.Values.FirstOrDefault() is not { } destination)
        {
            return (service, null);
        }

        try
        {
            using var client = httpClientFactory.CreateClient(HttpClientName);
            var address = new Uri(new Uri(destination.Model.Config.Address.TrimEnd('/') + "/"), ServiceDocumentPath);
            await using var body = await client.GetStreamAsync(address, cancellationToken);
            return (service, await JsonNode.ParseAsync(body, cancellationToken: cancellationToken));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return (service, null);
        }
    }

    public void Dispose() => _refresh.Dispose();
}
