using System.Text;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;
using Marketplace.Api.Lists;

namespace Marketplace.Webhooks.Events;

/// <summary>
/// The parameters of <c>GET /v1/events</c>: the page and <c>created</c> (<see cref="ListQuery"/>), <c>type</c> (one
/// type, or a group with <c>*</c> wildcards such as <c>customer.*</c>), <c>types[]</c> (up to 20 exact types; not
/// with <c>type</c>) and <c>delivery_success</c>.
/// </summary>
public sealed record EventFilter
{
    public const int MaxTypes = 20;

    public required ListQuery Page { get; init; }

    /// <summary><c>type</c> as a SQL <c>LIKE</c> pattern: <c>*</c> matches anything, everything else only itself.</summary>
    public string? TypePattern { get; init; }

    public IReadOnlyList<string>? Types { get; init; }

    public bool? DeliverySuccess { get; init; }

    /// <summary>Reads the filter; failures go to the reader.</summary>
    public static EventFilter Read(ParameterReader parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var page = ListQuery.Read(parameters);
        var type = parameters.GetString("type");
        var types = parameters.GetStringList("types");
        if (type is not null && types is not null)
        {
            parameters.Fail(ParameterErrors.Exclusive("type", "types"));
        }

        if (types is { Count: > MaxTypes })
        {
            parameters.Fail(StripeError.InvalidRequest($"Invalid array: types can have at most {MaxTypes} items", "types"));
        }

        return new EventFilter
        {
            Page = page,
            TypePattern = type is null ? null : LikePattern(type),
            Types = types,
            DeliverySuccess = parameters.GetBoolean("delivery_success"),
        };
    }

    /// <summary>Event types hold <c>_</c>, which <c>LIKE</c> would read as "any character": it is escaped, as are <c>%</c> and <c>\</c>.</summary>
    static string LikePattern(string type)
    {
        var pattern = new StringBuilder(type.Length + 8);
        foreach (var c in type)
        {
            pattern.Append(c switch
            {
                '*' => "%",
                '%' or '_' or '\\' => $"\\{c}",
                _ => c.ToString(),
            });
        }

        return pattern.ToString();
    }
}
