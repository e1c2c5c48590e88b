using System.Net;
using System.Text.Json;

namespace Marketplace.Fraud.Tests.Support;

/// <summary>Raw HTTP for what Stripe.net cannot express (unknown parameters, malformed bodies) and for reading exact JSON.</summary>
static class Http
{
    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        using var content = Form(fields);
        return await client.PostAsync(path, content, Cancellation);
    }

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

    /// <summary>The <c>id</c> of an API object, which every one has.</summary>
    public static string Id(this JsonElement element) => element.GetProperty("id").GetString()!;

    public static string? Text(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;
}
