using System.Text;
using Marketplace.Api.Forms;
using Marketplace.Api.Tests.Support;

namespace Marketplace.Api.Tests.Forms;

public sealed class FormParserTests
{
    [Theory]
    [InlineData("a=1&a[b]=2", "a")]
    [InlineData("a[b]=2&a=1", "a")]
    [InlineData("a[]=1&a[0]=2", "a")]
    [InlineData("a[0]=1&a[]=2", "a")]
    [InlineData("card[number]=1&card[number][x]=2", "card[number]")]
    public void Parse_NameUsedAsValueAndAsContainer_IsRefusedWithTheName(string body, string param)
    {
        var error = Parameters.ParseError(body);

        Assert.Equal("invalid_request_error", error.Type);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(param, error.Param);
    }

    [Theory]
    [InlineData("[a]=1")]
    [InlineData("a[b=1")]
    [InlineData("a[b]c=1")]
    [InlineData("a]=1")]
    [InlineData("a[b[c]]=1")]
    [InlineData("a[][b]=1")]
    public void Parse_MalformedName_IsRefused(string body)
    {
        var error = Parameters.ParseError(body);

        Assert.StartsWith("Invalid parameter name: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedDeeperThanTheLimit_IsRefused()
    {
        var error = Parameters.ParseError("a[b][c][d][e][f][g][h][i]=1");

        Assert.Equal("a[b][c][d][e][f][g][h][i]", error.Param);
        Assert.Contains("nested more than 8 levels", error.Message, StringComparison.Ordinal);
        Assert.NotNull(Parameters.Parse("a[b][c][d][e][f][g][h]=1"));
    }

    [Fact]
    public void Parse_MoreParametersThanTheLimit_IsRefused()
    {
        var body = string.Join('&', Enumerable.Range(0, ParameterLimits.MaxParameters + 1).Select(i => $"metadata[k{i}]=v"));

        var error = Parameters.ParseError(body);

        Assert.Equal("Too many parameters: a request can carry at most 1000.", error.Message);
        Assert.Equal("metadata", error.Param);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', (byte)'=', 0xFF })]
    [InlineData(new byte[] { (byte)'a', (byte)'=', 0xC3 })]
    [InlineData(new byte[] { (byte)'a', (byte)'=', (byte)'%', (byte)'F', (byte)'F' })]
    [InlineData(new byte[] { (byte)'a', (byte)'=', (byte)'%', (byte)'G', (byte)'1' })]
    [InlineData(new byte[] { (byte)'a', (byte)'=', (byte)'%', (byte)'4' })]
    public void Parse_InvalidUtf8OrPercentEncoding_IsRefused(byte[] body)
    {
        Assert.False(FormParser.TryParse(body, out _, out var error));
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Invalid request body: it is not valid UTF-8 with %-encoding.", error.Message);
    }

    [Fact]
    public void Parse_PercentEncodedBracketsPlusAndUtf8_DecodeBeforeTheBracketsAreRead()
    {
        var parameters = Parameters.Parse("metadata%5Bcaf%C3%A9%5D=a+b%2Bc&description=%E2%82%AC");

        var metadata = Assert.IsType<ParameterHash>(parameters["metadata"]);
        Assert.Equal("a b+c", Assert.IsType<ParameterValue>(metadata["café"]).Text);
        Assert.Equal("€", Assert.IsType<ParameterValue>(parameters["description"]).Text);
    }

    [Fact]
    public void Parse_EmptyValueAndBareName_AreExplicitlyEmptyNotAbsent()
    {
        var parameters = Parameters.Parse("description=&statement_descriptor&&");

        Assert.True(Assert.IsType<ParameterValue>(parameters["description"]).IsEmpty);
        Assert.True(Assert.IsType<ParameterValue>(parameters["statement_descriptor"]).IsEmpty);
        Assert.Null(parameters["email"]);
        Assert.Equal(2, parameters.Count);
    }

    [Fact]
    public void Parse_RepeatedPlainName_KeepsTheLastValue()
    {
        var parameters = Parameters.Parse("email=a%40x.com&email=b%40x.com");

        Assert.Equal("b@x.com", Assert.IsType<ParameterValue>(parameters["email"]).Text);
    }

    [Fact]
    public void Parse_QueryString_ReadsLikeABody()
    {
        Assert.True(FormParser.TryParse("?limit=3&expand[]=data.customer", out var parameters, out _));

        Assert.Equal("3", Assert.IsType<ParameterValue>(parameters["limit"]).Text);
        Assert.Equal("data.customer", Assert.IsType<ParameterValue>(Assert.IsType<ParameterList>(parameters["expand"]).Items[0]).Text);
    }

    [Fact]
    public void Parse_EmptyBody_IsAnEmptyHash()
    {
        Assert.True(FormParser.TryParse(ReadOnlySpan<byte>.Empty, out var parameters, out _));
        Assert.Equal(0, parameters.Count);
        Assert.True(FormParser.TryParse(Encoding.UTF8.GetBytes("&"), out var ampersand, out _));
        Assert.Equal(0, ampersand.Count);
    }
}
