namespace Marketplace.Api.Forms;

/// <summary>
/// One node of a request's parameters: a <see cref="ParameterValue"/>, a <see cref="ParameterHash"/> or a
/// <see cref="ParameterList"/>. Form bodies and JSON bodies parse into the same tree.
/// </summary>
public abstract class ParameterNode
{
    private protected ParameterNode()
    {
    }
}
