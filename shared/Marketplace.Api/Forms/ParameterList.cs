namespace Marketplace.Api.Forms;

/// <summary>Items appended with <c>expand[]=…</c>, or a JSON array.</summary>
public sealed class ParameterList : ParameterNode
{
    readonly List<ParameterNode> _items = [];

    public IReadOnlyList<ParameterNode> Items => _items;

    internal void Add(ParameterNode node) => _items.Add(node);
}
