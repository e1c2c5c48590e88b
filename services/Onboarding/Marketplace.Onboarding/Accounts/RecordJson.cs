using System.Text.Json;
using Marketplace.Api.Objects;

namespace Marketplace.Onboarding.Accounts;

/// <summary>The stored JSON documents (<c>record</c> columns) are written as the API writes objects: snake_case, times as Unix seconds.</summary>
internal static class RecordJson
{
    public static string Write<T>(T value) where T : notnull => JsonSerializer.Serialize(value, StripeJson.Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, StripeJson.Options)
        ?? throw new InvalidOperationException($"A stored {typeof(T).Name} is null.");
}
