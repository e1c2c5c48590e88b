using System.Net;
using System.Text.Json;
using Xunit;

namespace Marketplace.Testing;

/// <summary>Raw HTTP for what Stripe.net cannot express (unknown parameters, malformed bodies) and for reading exact JSON.</summary>
public static class Http
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<(string Name, string Value)> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = Form([.. fields]);
        return await client.PostAsync(path, content, Cancellation);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, params (string Name, string Value)[] fields) =>
        PostAsync(client, path, fields.AsEnumerable());

    /// <summary>The JSON of a successful response; fails the test with the body otherwise.</summary>
    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        return response.StatusCode == HttpStatusCode.OK
            ? JsonDocument.Parse(body).RootElement.Clone()
            : throw new HttpRequestException($"expected 200, got {(int)response.StatusCode}: {body}");
    }

    /// <summary>The <c>error</c> object of a failed response, after checking its status.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        return response.StatusCode == expected
            ? JsonDocument.Parse(body).RootElement.GetProperty("error").Clone()
            : throw new HttpRequestException($"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
    }

    /// <summary>The <c>id</c> of an API object, which every one has.</summary>
    public static string Id(this JsonElement element) => element.GetProperty("id").GetString()!;

    public static string? Text(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    public static IReadOnlyList<string> Strings(this JsonElement element) => [.. element.EnumerateArray().Select(e => e.GetString()!)];
}
