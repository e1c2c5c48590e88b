using System.Text.Json;
using Marketplace.Api.Objects;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Errors;

/// <summary>Writes <c>{"error":{…}}</c> with the error's status code.</summary>
public sealed class StripeErrorResult(StripeError error) : IResult, IStatusCodeHttpResult
{
    public StripeError Error { get; } = error;

    public int? StatusCode => Error.StatusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = Error.StatusCode;
        httpContext.Response.ContentType = "application/json";
        await httpContext.Response.Body.WriteAsync(ToJson(Error), httpContext.RequestAborted);
    }

    public static byte[] ToJson(StripeError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            WriteIfPresent(writer, "advice_code", error.AdviceCode);
            WriteIfPresent(writer, "charge", error.Charge);
            WriteIfPresent(writer, "code", error.Code);
            WriteIfPresent(writer, "decline_code", error.DeclineCode);
            WriteIfPresent(writer, "doc_url", error.DocUrl);
            writer.WriteString("message", error.Message);
            WriteIfPresent(writer, "network_decline_code", error.NetworkDeclineCode);
            WriteIfPresent(writer, "param", error.Param);
            WriteObjectIfPresent(writer, "payment_intent", error.PaymentIntent);
            WriteObjectIfPresent(writer, "payment_method", error.PaymentMethod);
            WriteIfPresent(writer, "request_log_url", error.RequestLogUrl);
            WriteObjectIfPresent(writer, "setup_intent", error.SetupIntent);
            writer.WriteString("type", error.Type);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    static void WriteObjectIfPresent(Utf8JsonWriter writer, string name, object? value)
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, value, value.GetType(), StripeJson.Options);
        }
    }
}
