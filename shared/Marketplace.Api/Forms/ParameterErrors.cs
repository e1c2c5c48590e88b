using Marketplace.Api.Errors;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Forms;

/// <summary>Stripe's wording for parameter errors; where Stripe's exact words are unknown, the shape of its others.</summary>
public static class ParameterErrors
{
    public static StripeError Unknown(string path) =>
        StripeError.InvalidRequest($"Received unknown parameter: {path}", path, StripeErrorCode.ParameterUnknown);

    public static StripeError Missing(string path) =>
        StripeError.InvalidRequest($"Missing required param: {path}.", path, StripeErrorCode.ParameterMissing);

    public static StripeError Empty(string path) =>
        StripeError.InvalidRequest(
            $"You passed an empty string for '{path}'. We assume empty values are an attempt to unset a parameter; " +
            $"however '{path}' cannot be unset. You should remove '{path}' from your request or supply a non-empty value.",
            path,
            StripeErrorCode.ParameterInvalidEmpty);

    public static StripeError InvalidInteger(string path, string text) =>
        StripeError.InvalidRequest($"Invalid integer: {text}", path, StripeErrorCode.ParameterInvalidInteger);

    public static StripeError BelowMinimum(string path, long minimum) =>
        StripeError.InvalidRequest($"This value must be greater than or equal to {minimum}.", path, StripeErrorCode.ParameterInvalidInteger);

    public static StripeError AboveMaximum(string path, long maximum) =>
        StripeError.InvalidRequest($"This value must be less than or equal to {maximum}.", path, StripeErrorCode.ParameterInvalidInteger);

    public static StripeError InvalidBoolean(string path, string text) =>
        StripeError.InvalidRequest($"Invalid boolean: {text}", path);

    public static StripeError InvalidEnum(string path, IReadOnlyList<string> allowed) =>
        StripeError.InvalidRequest($"Invalid {path}: must be one of {JoinWithOr(allowed)}", path);

    public static StripeError StringTooLong(string path, int maximum) =>
        StripeError.InvalidRequest($"Invalid string: {path} must be at most {maximum} characters", path);

    /// <summary>A value where a hash or list was expected, or the other way round.</summary>
    public static StripeError WrongShape(string path, string expected) =>
        StripeError.InvalidRequest($"Invalid {expected}", path);

    public static StripeError ListIndexes(string path) =>
        StripeError.InvalidRequest($"Invalid array: the indexes of {path} must run from 0 with no gaps", path);

    public static StripeError ListTooLong(string path) =>
        StripeError.InvalidRequest($"Invalid array: {path} can have at most {ParameterLimits.MaxListLength} items", path);

    public static StripeError Exclusive(string first, string second) =>
        StripeError.InvalidRequest(
            $"You may only specify one of these parameters: {first}, {second}.", first, StripeErrorCode.ParametersExclusive);

    public static StripeError InvalidName(string name) =>
        StripeError.InvalidRequest($"Invalid parameter name: {name}", name);

    public static StripeError TooDeep(string name) =>
        StripeError.InvalidRequest($"Invalid parameter name: {name} is nested more than {ParameterLimits.MaxDepth} levels deep", name);

    /// <summary><paramref name="param"/>: the top-level parameter whose value went over the limit, when known.</summary>
    public static StripeError TooMany(string? param = null) =>
        StripeError.InvalidRequest($"Too many parameters: a request can carry at most {ParameterLimits.MaxParameters}.", param);

    public static StripeError Conflicting(string path) =>
        StripeError.InvalidRequest($"Invalid parameter {path}: it was given both as a value and as a hash or array", path);

    public static StripeError UnsupportedContentType(string contentType) =>
        new(StatusCodes.Status415UnsupportedMediaType, StripeErrorType.InvalidRequestError,
            $"Invalid request: the body must be application/x-www-form-urlencoded or application/json, not {contentType}.");

    public static StripeError InvalidEncoding() =>
        StripeError.InvalidRequest("Invalid request body: it is not valid UTF-8 with %-encoding.");

    public static StripeError InvalidJson() =>
        StripeError.InvalidRequest("Invalid JSON received in the request body: it must be a JSON object.");

    public static StripeError BodyTooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, StripeErrorType.InvalidRequestError,
            $"The request body is too large: it can be at most {ParameterLimits.MaxBodyBytes} bytes.");

    static string JoinWithOr(IReadOnlyList<string> values) => values.Count switch
    {
        0 => "",
        1 => values[0],
        2 => $"{values[0]} or {values[1]}",
        _ => $"{string.Join(", ", values.Take(values.Count - 1))}, or {values[^1]}",
    };
}
