namespace Marketplace.Api.Forms;

/// <summary>
/// Bounds on what a request may carry, so that a hostile body cannot make the parser allocate without limit.
/// Stripe's deepest real parameters (<c>line_items[0][price_data][product_data][metadata][k]</c>) have five levels.
/// </summary>
public static class ParameterLimits
{
    public const int MaxParameters = 1000;
    public const int MaxDepth = 8;
    public const int MaxListLength = 1000;
    public const int MaxBodyBytes = 1024 * 1024;
}
