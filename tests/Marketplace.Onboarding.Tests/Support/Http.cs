using System.Net;
using System.Text.Json;

namespace Marketplace.Onboarding.Tests.Support;

/// <summary>Raw HTTP for exact JSON and for what Stripe.net cannot express.</summary>
static class Http
{
    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<(string Name, string Value)> fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(path, content, Cancellation);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, params (string Name, string Value)[] fields) =>
        PostAsync(client, path, fields.AsEnumerable());

    /// <summary>The JSON of a successful response; fails the test with the body otherwise.</summary>
    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The <c>error</c> object of a failed response, after checking its status.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("error").Clone();
    }

    public static string Id(this JsonElement element) => element.GetProperty("id").GetString()!;

    public static string? Text(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    public static IReadOnlyList<string> Strings(this JsonElement element) => [.. element.EnumerateArray().Select(e => e.GetString()!)];
}
