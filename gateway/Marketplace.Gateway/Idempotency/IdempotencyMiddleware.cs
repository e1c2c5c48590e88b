using Marketplace.Api.Context;
using Marketplace.Api.Forms;
using Marketplace.Gateway.RequestIds;

namespace Marketplace.Gateway.Idempotency;

/// <summary>
/// Stripe's idempotent requests, for every <c>POST</c> with an <c>Idempotency-Key</c>: the first response (status,
/// type, body) is recorded and replayed to every later request with the key and the same parameters, marked
/// <c>Idempotent-Replayed: true</c> and <c>Original-Request</c>; other parameters get <c>idempotency_error</c>; a
/// retry while the first is still running gets 409. Server failures (5xx, the service unreachable) are not
/// recorded: their outcome is unknown, so the retry runs again — the service's own uniqueness on the key, which the
/// gateway passes on, makes that safe.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store, RequestFingerprint fingerprints)
{
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const string OriginalRequestHeader = "Original-Request";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<RequestContext>() is not { IdempotencyKey: { } key } caller)
        {
            await next(context);
            return;
        }

        if (key.Length > IdempotencyErrors.MaxKeyLength)
        {
            await IdempotencyErrors.KeyTooLong().ToResult().ExecuteAsync(context);
            return;
        }

        if (await BufferBodyAsync(context.Request) is not { } body)
        {
            await IdempotencyErrors.BodyTooLarge().ToResult().ExecuteAsync(context);
            return;
        }

        var request = context.Request;
        var requestId = caller.RequestId;
        var fingerprint = fingerprints.Of(request.Method, $"{request.Path}{request.QueryString}", caller.AccountId, body);
        switch (await store.ClaimAsync(caller.PlatformId, key, fingerprint, requestId, context.RequestAborted))
        {
            case IdempotencyClaim.Mismatch:
                await IdempotencyErrors.Mismatch(key).ToResult().ExecuteAsync(context);
                return;
            case IdempotencyClaim.InFlight:
                await IdempotencyErrors.InFlight(key).ToResult().ExecuteAsync(context);
                return;
            case IdempotencyClaim.Completed(var stored):
                await ReplayAsync(context, stored);
                return;
        }

        await RunAndRecordAsync(context, caller.PlatformId, key, requestId);
    }

    async Task RunAndRecordAsync(HttpContext context, string platformId, string key, string requestId)
    {
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        var recorded = false;
        try
        {
            await next(context);
            var response = context.Response;
            if (response.StatusCode < StatusCodes.Status500InternalServerError)
            {
                // Recorded before the client sees it: a client that gets an answer can rely on its replay.
                // CancellationToken.None: the service has acted; the record must be kept even if the client left.
                await store.CompleteAsync(platformId, key, new StoredResponse(response.StatusCode, response.ContentType, captured.ToArray(), requestId), CancellationToken.None);
                recorded = true;
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!recorded)
            {
                await store.ReleaseAsync(platformId, key, requestId, CancellationToken.None);
            }
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    static async Task ReplayAsync(HttpContext context, StoredResponse stored)
    {
        var response = context.Response;
        response.StatusCode = stored.Status;
        response.ContentType = stored.ContentType;
        response.Headers[ReplayedHeader] = "true";
        response.Headers[OriginalRequestHeader] = stored.RequestId;
        response.ContentLength = stored.Body.Length;
        await response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    /// <summary>Reads the whole body (to fingerprint it) and leaves it readable again for the forwarder; null when over the limit.</summary>
    static async Task<byte[]?> BufferBodyAsync(HttpRequest request)
    {
        if (await RequestBody.ReadAsync(request, request.HttpContext.RequestAborted) is not { } body)
        {
            return null;
        }

        request.Body = new MemoryStream(body, writable: false);
        request.ContentLength = body.Length;
        return body;
    }
}
