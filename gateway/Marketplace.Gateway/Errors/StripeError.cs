namespace Marketplace.Gateway.Errors;

/// <summary>
/// Stripe's error object, for the answers the gateway gives itself; everything a service answers passes through as is.
/// </summary>
public sealed record StripeError(string Type, string Message)
{
    public const string ApiError = "api_error";
    public const string InvalidRequestError = "invalid_request_error";

    public Task WriteAsync(HttpContext context, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new { error = this }, context.RequestAborted);
    }
}
