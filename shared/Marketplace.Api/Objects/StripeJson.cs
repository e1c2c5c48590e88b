using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Objects;

/// <summary>
/// How every API object is written: snake_case names, every member written (null included, as Stripe does, because
/// scripts such as <c>jq .latest_charge</c> rely on the field being there) and times as Unix seconds.
/// </summary>
public static class StripeJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static IResult Result(object value, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(value, Options, "application/json", statusCode);

    public static string Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.Serialize(value, value.GetType(), Options);
    }

    static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new UnixTimestampConverter());
        options.Converters.Add(new NullableUnixTimestampConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
