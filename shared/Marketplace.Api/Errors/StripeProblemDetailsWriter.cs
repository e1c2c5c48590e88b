using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Errors;

/// <summary>
/// Where the framework would write problem details for a <c>/v1</c> request (model binding, the exception handler,
/// status code pages), this writes Stripe's error object instead; SDKs cannot read problem details.
/// </summary>
public sealed class StripeProblemDetailsWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return StripeApiPaths.Owns(context.HttpContext.Request);
    }

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var statusCode = context.ProblemDetails.Status ?? http.Response.StatusCode;
        return new ValueTask(new StripeErrorResult(StatusError.For(http.Request, statusCode)).ExecuteAsync(http));
    }
}
