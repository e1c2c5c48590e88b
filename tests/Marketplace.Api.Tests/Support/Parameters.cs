using System.Text;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;

namespace Marketplace.Api.Tests.Support;

/// <summary>Builds readers from literal form bodies, as a request would carry them.</summary>
internal static class Parameters
{
    public static ParameterReader Form(string body) =>
        FormParser.TryParse(Encoding.UTF8.GetBytes(body), out var parameters, out var error)
            ? ParameterReader.From(parameters)
            : ParameterReader.FromError(error);

    public static StripeError ParseError(string body)
    {
        Assert.False(FormParser.TryParse(Encoding.UTF8.GetBytes(body), out _, out var error));
        return error;
    }

    public static ParameterHash Parse(string body)
    {
        Assert.True(FormParser.TryParse(Encoding.UTF8.GetBytes(body), out var parameters, out var error), error?.Message);
        return parameters;
    }
}
