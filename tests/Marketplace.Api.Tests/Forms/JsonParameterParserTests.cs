using System.Text;
using Marketplace.Api.Forms;

namespace Marketplace.Api.Tests.Forms;

public sealed class JsonParameterParserTests
{
    [Fact]
    public void Parse_JsonBody_ReadsLikeTheEquivalentForm()
    {
        const string Json = """
            {"amount":2000,"capture":true,"description":null,"metadata":{"order":"42"},
             "expand":["customer"],"items":[{"price":"price_1","quantity":2}]}
            """;
        Assert.True(JsonParameterParser.TryParse(Encoding.UTF8.GetBytes(Json), out var parameters, out _));
        var reader = ParameterReader.From(parameters);

        Assert.Equal(2000, reader.GetLong("amount"));
        Assert.True(reader.GetBoolean("capture"));
        Assert.True(reader.Unset("description"));
        Assert.Equal("42", reader.GetHash("metadata")!["order"]);
        Assert.Equal(["customer"], reader.GetStringList("expand")!);
        var item = Assert.Single(reader.GetObjectList("items")!);
        Assert.Equal("price_1", item.GetString("price"));
        Assert.Equal(2, item.GetLong("quantity"));
        Assert.Null(reader.Complete());
    }

    [Theory]
    [InlineData("{\"a\":")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\":1} trailing")]
    public void Parse_NotAJsonObject_IsRefused(string json)
    {
        Assert.False(JsonParameterParser.TryParse(Encoding.UTF8.GetBytes(json), out _, out var error));
        Assert.Equal("Invalid JSON received in the request body: it must be a JSON object.", error.Message);
    }

    [Fact]
    public void Parse_InvalidUtf8_IsRefused()
    {
        Assert.False(JsonParameterParser.TryParse([(byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}'], out _, out var error));
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedDeeperThanTheLimit_IsRefused()
    {
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 9)) + "1" + new string('}', 9);

        Assert.False(JsonParameterParser.TryParse(Encoding.UTF8.GetBytes(json), out _, out _));
    }
}
