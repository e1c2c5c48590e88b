namespace Marketplace.Api.Forms;

/// <summary>Names a nested parameter the way the request spelled it and Stripe's errors quote it: <c>card[number]</c>.</summary>
internal static class ParameterPath
{
    public static string Child(string? parent, string key) => parent is null ? key : $"{parent}[{key}]";
}
