using Marketplace.Api.Errors;

namespace Marketplace.Api.Metadata;

/// <summary>Stripe's limits on metadata, and its wording when they are broken.</summary>
public static class MetadataRules
{
    public const int MaxKeys = 50;
    public const int MaxKeyLength = 40;
    public const int MaxValueLength = 500;

    /// <summary>Checks one pair; <paramref name="value"/> null means "delete", which any key may ask.</summary>
    public static StripeError? Check(string key, string? value, string param = "metadata")
    {
        ArgumentNullException.ThrowIfNull(key);
        var path = $"{param}[{key}]";
        if (key.Length == 0)
        {
            return StripeError.InvalidRequest("Metadata keys cannot be empty.", param);
        }

        if (key.Length > MaxKeyLength)
        {
            return StripeError.InvalidRequest(
                $"Metadata keys can have up to {MaxKeyLength} characters, but you passed in a key that is {key.Length} characters. Invalid key: {key}",
                path);
        }

        if (key.AsSpan().IndexOfAny('[', ']') >= 0)
        {
            return StripeError.InvalidRequest($"Metadata keys cannot contain square brackets. Invalid key: {key}", path);
        }

        if (value is { Length: > MaxValueLength })
        {
            return StripeError.InvalidRequest(
                $"Metadata values can have up to {MaxValueLength} characters, but you passed in a value that is {value.Length} characters. Invalid value: {value}",
                path);
        }

        return null;
    }

    public static StripeError? CheckCount(int count, string param = "metadata") =>
        count > MaxKeys
            ? StripeError.InvalidRequest($"Metadata can have up to {MaxKeys} keys, but you passed in {count} keys.", param)
            : null;
}
