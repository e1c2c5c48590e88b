using System.Text;
using System.Text.Json;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;

namespace Marketplace.Api.Tests.Errors;

public sealed class StripeErrorResultTests
{
    [Fact]
    public void ToJson_OfAnInvalidRequest_LeavesOutWhatDoesNotApply()
    {
        var json = Encoding.UTF8.GetString(StripeErrorResult.ToJson(ParameterErrors.Unknown("foo")));

        using var document = JsonDocument.Parse(json);
        var error = document.RootElement.GetProperty("error");
        Assert.Equal(
            ["code", "doc_url", "message", "param", "type"],
            error.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Single(document.RootElement.EnumerateObject());
    }

    [Fact]
    public void ToJson_ReadBackByStripeNet_CarriesEveryField()
    {
        var error = StripeError.Card("Your card was declined.", "card_declined", "insufficient_funds", "payment_method") with
        {
            Charge = "ch_123",
            RequestLogUrl = "https://example.test/logs/req_1",
        };
        var json = Encoding.UTF8.GetString(StripeErrorResult.ToJson(error));

        var body = JsonDocument.Parse(json).RootElement.GetProperty("error").GetRawText();
        var parsed = Stripe.StripeError.FromJson(body);

        Assert.Equal("card_error", parsed.Type);
        Assert.Equal("card_declined", parsed.Code);
        Assert.Equal("insufficient_funds", parsed.DeclineCode);
        Assert.Equal("payment_method", parsed.Param);
        Assert.Equal("Your card was declined.", parsed.Message);
        Assert.Equal("ch_123", parsed.Charge);
        Assert.Equal("https://stripe.com/docs/error-codes/card-declined", parsed.DocUrl);
        Assert.Equal("https://example.test/logs/req_1", parsed.RequestLogUrl);
    }

    [Theory]
    [InlineData("invalid", 400)]
    [InlineData("missing", 404)]
    [InlineData("card", 402)]
    [InlineData("idempotency", 400)]
    [InlineData("idempotency-conflict", 409)]
    [InlineData("authentication", 401)]
    [InlineData("permission", 403)]
    [InlineData("conflict", 409)]
    [InlineData("rate", 429)]
    [InlineData("api", 500)]
    public void Factories_UseStripesStatusCodes(string kind, int statusCode)
    {
        var error = kind switch
        {
            "invalid" => StripeError.InvalidRequest("x"),
            "missing" => StripeError.ResourceMissing("customer", "cus_1"),
            "card" => StripeError.Card("x", "card_declined"),
            "idempotency" => StripeError.IdempotencyMismatch("x"),
            "idempotency-conflict" => StripeError.IdempotencyConflict("x"),
            "authentication" => StripeError.Authentication("x"),
            "permission" => StripeError.Permission("x"),
            "conflict" => StripeError.Conflict("x"),
            "rate" => StripeError.RateLimited(),
            _ => StripeError.Api(),
        };

        Assert.Equal(statusCode, error.StatusCode);
        Assert.Equal(statusCode, new StripeErrorResult(error).StatusCode);
    }

    [Fact]
    public void ResourceMissing_SaysWhatStripeSays()
    {
        var error = StripeError.ResourceMissing("customer", "cus_123");

        Assert.Equal("No such customer: 'cus_123'", error.Message);
        Assert.Equal("resource_missing", error.Code);
        Assert.Equal("id", error.Param);
    }
}
