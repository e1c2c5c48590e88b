using System.Diagnostics;

namespace Marketplace.Gateway.RequestIds;

/// <summary>
/// Gives every request a fresh <see cref="RequestId"/>: on the response, on the request forwarded to the service,
/// on the server span and in the logging scope.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = RequestId.New();

        // Overwrites whatever the client sent: services trust this header, so only the gateway may set it.
        context.Request.Headers[RequestId.HeaderName] = requestId;

        // Set when the response starts rather than now: YARP clears the response headers when it turns a failed
        // forward into an error, and a service's own Request-Id header must not be appended to ours.
        context.Response.OnStarting(static state =>
        {
            var (response, id) = ((HttpResponse, string))state;
            response.Headers[RequestId.HeaderName] = id;
            return Task.CompletedTask;
        }, (context.Response, requestId));

        Activity.Current?.SetTag(RequestId.TelemetryName, requestId);
        using (logger.BeginScope(new Dictionary<string, object> { [RequestId.TelemetryName] = requestId }))
        {
            await next(context);
        }
    }
}
