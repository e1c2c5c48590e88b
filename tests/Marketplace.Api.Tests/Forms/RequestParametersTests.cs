using System.Net;
using System.Text;
using Marketplace.Api.Forms;
using Marketplace.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Api.Tests.Forms;

public sealed class RequestParametersTests
{
    [Theory]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/xml", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", HttpStatusCode.OK)]
    [InlineData("application/x-www-form-urlencoded; charset=utf-8", HttpStatusCode.OK)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task ABodyThatIsNeitherFormNorJson_IsRefusedWith415(string contentType, HttpStatusCode expected)
    {
        await using var host = await ApiHost.StartAsync(app => app.MapPost("/v1/things", async (HttpRequest request) =>
        {
            var parameters = await ParameterReader.ReadAsync(request);
            parameters.GetString("name");
            return parameters.Complete() is { } error ? error.ToResult() : Results.Ok();
        }));
        var body = contentType.StartsWith("application/json", StringComparison.Ordinal) ? """{"name":"x"}""" : "name=x";
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await host.Client.PostAsync("/v1/things", content, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }
}
