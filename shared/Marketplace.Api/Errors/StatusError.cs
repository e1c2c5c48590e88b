using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Errors;

/// <summary>The error object for a status code the framework chose without saying why.</summary>
internal static class StatusError
{
    public static StripeError For(HttpRequest request, int statusCode) => statusCode switch
    {
        StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed =>
            StripeError.UnrecognizedUrl(request.Method, request.Path) with { StatusCode = statusCode },
        StatusCodes.Status413PayloadTooLarge => Forms.ParameterErrors.BodyTooLarge(),
        StatusCodes.Status415UnsupportedMediaType =>
            new(statusCode, StripeErrorType.InvalidRequestError, "Invalid request: the body must be application/x-www-form-urlencoded."),
        >= StatusCodes.Status500InternalServerError => StripeError.Api() with { StatusCode = statusCode },
        _ => new(statusCode, StripeErrorType.InvalidRequestError, "Invalid request: the request could not be read."),
    };
}
