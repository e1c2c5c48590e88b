using Marketplace.Api.Errors;
using Yarp.ReverseProxy.Forwarder;

namespace Marketplace.Gateway.Proxy;

/// <summary>
/// YARP answers a forward that failed with a bare status (502, 503, 504) and no body; Stripe's SDKs expect an error
/// object, so the failure gets one. YARP has already logged the cause.
/// </summary>
public sealed class ForwarderErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        var failure = context.GetForwarderErrorFeature();
        if (failure is null || context.Response.HasStarted)
        {
            return;
        }

        var statusCode = context.Response.StatusCode;
        var type = statusCode >= StatusCodes.Status500InternalServerError ? StripeErrorType.ApiError : StripeErrorType.InvalidRequestError;
        await new StripeError(statusCode, type, Describe(failure.Error)).ToResult().ExecuteAsync(context);
    }

    static string Describe(ForwarderError error) => error switch
    {
        ForwarderError.RequestTimedOut => "The service handling this request did not answer in time.",
        ForwarderError.RequestBodyClient => "The request body could not be read.",
        ForwarderError.NoAvailableDestinations => "No instance of the service handling this request is available.",
        _ => "The service handling this request could not be reached.",
    };
}
