using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Marketplace.Api.Errors;

/// <summary>
/// On <c>/v1</c> every failure answers with Stripe's error object: an unhandled exception becomes a bare
/// <c>api_error</c> (the cause is logged, never sent), a request the framework refused (bad body, too large) becomes
/// <c>invalid_request_error</c> with the framework's status, and a status set without a body (404, 405, 415…) gets one.
/// </summary>
public sealed partial class StripeErrorMiddleware(RequestDelegate next, ILogger<StripeErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!StripeApiPaths.Owns(context.Request))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            await Answer(context, StatusError.For(context.Request, exception.StatusCode));
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return;
        }
#pragma warning disable CA1031 // Every exception must become Stripe's api_error rather than the host's error page.
        catch (Exception exception) when (!context.Response.HasStarted)
#pragma warning restore CA1031
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
            await Answer(context, StripeError.Api());
            return;
        }

        if (!context.Response.HasStarted && context.Response.StatusCode >= StatusCodes.Status400BadRequest
            && context.Response.ContentType is null && context.Response.ContentLength is null or 0)
        {
            await Answer(context, StatusError.For(context.Request, context.Response.StatusCode));
        }
    }

    static Task Answer(HttpContext context, StripeError error)
    {
        context.Response.Clear();
        return new StripeErrorResult(error).ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception answering {Method} {Path}")]
    static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
