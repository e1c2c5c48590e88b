using Marketplace.Api.Errors;

namespace Marketplace.Api.Forms;

/// <summary>
/// What the readers of one request have taken so far. A node is <em>consumed</em> when read whole and
/// <em>opened</em> when read child by child; whatever is neither is a parameter the endpoint does not know.
/// </summary>
internal sealed class ParameterReadState(ParameterHash root, StripeError? parseError)
{
    readonly StripeError? _parseError = parseError;
    readonly HashSet<ParameterNode> _consumed = new(ReferenceEqualityComparer.Instance);
    readonly HashSet<ParameterNode> _opened = new(ReferenceEqualityComparer.Instance);
    StripeError? _firstError = parseError;

    public ParameterHash Root { get; } = root;

    public bool Failed => _firstError is not null;

    public void Consume(ParameterNode node) => _consumed.Add(node);

    public void Open(ParameterNode node) => _opened.Add(node);

    public void Fail(StripeError error) => _firstError ??= error;

    /// <summary>Stripe answers an unknown parameter before it validates the known ones, and so does this.</summary>
    public StripeError? Complete()
    {
        if (_parseError is not null)
        {
            return _parseError;
        }

        return FirstUnknown(Root, null) is { } unknown ? ParameterErrors.Unknown(unknown) : _firstError;
    }

    string? FirstUnknown(ParameterNode node, string? path)
    {
        if (_consumed.Contains(node))
        {
            return null;
        }

        if (!_opened.Contains(node))
        {
            return path;
        }

        switch (node)
        {
            case ParameterHash hash:
                foreach (var (key, child) in hash.Children)
                {
                    if (FirstUnknown(child, ParameterPath.Child(path, key)) is { } unknown)
                    {
                        return unknown;
                    }
                }

                return null;
            case ParameterList list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (FirstUnknown(list.Items[i], ParameterPath.Child(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture))) is { } unknown)
                    {
                        return unknown;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
