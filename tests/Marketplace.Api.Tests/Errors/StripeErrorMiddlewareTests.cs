using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Api.Tests.Errors;

public sealed class StripeErrorMiddlewareTests
{
    static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnhandledException_OnV1_IsAnApiErrorWithoutTheCause()
    {
        await using var host = await ApiHost.StartAsync(app =>
            app.MapGet("/v1/boom", string () => throw new InvalidOperationException("secret connection string")));

        using var response = await host.Client.GetAsync(new Uri("/v1/boom", UriKind.Relative), Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.Equal("api_error", error.GetProperty("type").GetString());
        Assert.Equal("An unknown error occurred", error.GetProperty("message").GetString());
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadHttpRequest_OnV1_KeepsItsStatusAsAnInvalidRequest()
    {
        await using var host = await ApiHost.StartAsync(app =>
            app.MapPost("/v1/upload", string () => throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge)));

        using var response = await host.Client.PostAsync(new Uri("/v1/upload", UriKind.Relative), new StringContent("x"), Cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await ErrorOf(response);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
    }

    [Fact]
    public async Task UnknownRoute_OnV1_IsUnrecognizedRequestUrl()
    {
        await using var host = await ApiHost.StartAsync(app => app.MapGet("/v1/customers", () => "[]"));

        using var response = await host.Client.DeleteAsync(new Uri("/v1/nothing", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Unrecognized request URL (DELETE: /v1/nothing).", (await ErrorOf(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task MalformedJsonForABoundBody_OnV1_IsAStripeErrorNotProblemDetails()
    {
        await using var host = await ApiHost.StartAsync(
            app => app.MapPost("/v1/things", (Thing thing) => thing.Name),
            services => services.AddProblemDetails());

        using var response = await host.Client.PostAsync(
            new Uri("/v1/things", UriKind.Relative), new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request_error", (await ErrorOf(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task ProblemResult_OnV1_IsWrittenAsAStripeError()
    {
        await using var host = await ApiHost.StartAsync(
            app => app.MapGet("/v1/problem", () => Results.Problem(statusCode: StatusCodes.Status500InternalServerError, detail: "stack trace here")),
            services => services.AddProblemDetails());

        using var response = await host.Client.GetAsync(new Uri("/v1/problem", UriKind.Relative), Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("api_error", JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.DoesNotContain("stack trace", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProblemResult_OutsideV1_StaysProblemDetails()
    {
        await using var host = await ApiHost.StartAsync(
            app => app.MapGet("/health/problem", () => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable)),
            services => services.AddProblemDetails());

        using var response = await host.Client.GetAsync(new Uri("/health/problem", UriKind.Relative), Cancellation);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EmptyErrorStatus_OutsideV1_IsLeftAlone()
    {
        await using var host = await ApiHost.StartAsync(app => app.MapGet("/alive", () => Results.StatusCode(503)));

        using var response = await host.Client.GetAsync(new Uri("/alive", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync(Cancellation));
    }

    static async Task<JsonElement> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("error");

    internal sealed record Thing(string Name);
}
