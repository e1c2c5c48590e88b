namespace Marketplace.Api.Forms;

/// <summary>
/// Named children in the order they first appeared. Integer keys (<c>items[0][price]</c>) stay keys here: whether
/// they are list indexes or hash keys (<c>metadata[0]</c>) depends on the parameter, so the reader decides.
/// </summary>
public sealed class ParameterHash : ParameterNode
{
    readonly OrderedDictionary<string, ParameterNode> _children = new(StringComparer.Ordinal);

    public int Count => _children.Count;

    public IEnumerable<KeyValuePair<string, ParameterNode>> Children => _children;

    public IEnumerable<string> Keys => _children.Keys;

    public ParameterNode? this[string key] => _children.GetValueOrDefault(key);

    internal void Set(string key, ParameterNode node) => _children[key] = node;
}
