namespace Marketplace.Api.Forms;

/// <summary>
/// A leaf. An empty <see cref="Text"/> is Stripe's explicit "unset" (<c>description=</c>, JSON <c>null</c>),
/// which is not the same as the parameter being absent.
/// </summary>
public sealed class ParameterValue(string text) : ParameterNode
{
    public string Text { get; } = text;

    public bool IsEmpty => Text.Length == 0;

    public override string ToString() => Text;
}
