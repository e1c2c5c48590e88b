using Marketplace.Api.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Api.Forms;

/// <summary>Turns an HTTP request into a <see cref="ParameterReader"/>.</summary>
internal static class RequestParameters
{
    public static async Task<ParameterReader> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsDelete(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return Reader(FormParser.TryParse(request.QueryString.Value ?? "", out var query, out var queryError), query, queryError);
        }

        if (request.ContentType is { } contentType && !request.HasJsonContentType() && !IsForm(contentType))
        {
            // Refused rather than read as a form, where it would surface as a confusing unknown parameter.
            return ParameterReader.FromError(ParameterErrors.UnsupportedContentType(contentType));
        }

        if (await RequestBody.ReadAsync(request, cancellationToken) is not { } body)
        {
            return ParameterReader.FromError(ParameterErrors.BodyTooLarge());
        }

        if (request.HasJsonContentType() && body.Length > 0)
        {
            return Reader(JsonParameterParser.TryParse(body, out var json, out var jsonError), json, jsonError);
        }

        return Reader(FormParser.TryParse(body, out var form, out var formError), form, formError);
    }

    static bool IsForm(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    static ParameterReader Reader(bool parsed, ParameterHash? parameters, StripeError? error) =>
        parsed ? ParameterReader.From(parameters!) : ParameterReader.FromError(error!);
}
