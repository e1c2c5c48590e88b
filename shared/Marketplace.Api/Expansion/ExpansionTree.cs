using System.Diagnostics.CodeAnalysis;
using Marketplace.Api.Errors;
using Marketplace.Api.Forms;

namespace Marketplace.Api.Expansion;

/// <summary>
/// The <c>expand[]</c> paths of a request as a tree a renderer walks: at each expandable field it asks
/// <see cref="Contains"/>, writes the object instead of its id when true, and hands <see cref="Child"/> down.
/// Expanding <c>a.b</c> expands <c>a</c> too, as Stripe does.
/// </summary>
public sealed class ExpansionTree
{
    /// <summary>Stripe's limit, <c>data.</c> of a list counted: <c>data.source.customer.default_source</c> is the deepest.</summary>
    public const int MaxDepth = 4;

    readonly Dictionary<string, ExpansionTree> _children = new(StringComparer.Ordinal);

    public static ExpansionTree None { get; } = new();

    public bool IsEmpty => _children.Count == 0;

    public bool Contains(string field) => _children.ContainsKey(field);

    public ExpansionTree Child(string field) => _children.GetValueOrDefault(field) ?? None;

    /// <summary>
    /// Reads <c>expand</c> from <paramref name="parameters"/>. <paramref name="expandable"/> holds the dotted paths the
    /// object allows (<c>latest_charge</c>, <c>latest_charge.balance_transaction</c>); on a list endpoint the request
    /// prefixes them with <c>data.</c>. A failure goes to the reader.
    /// </summary>
    public static ExpansionTree Read(ParameterReader parameters, IReadOnlySet<string> expandable, bool isList = false)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.GetStringList("expand") is not { } paths)
        {
            return None;
        }

        if (TryParse(paths, expandable, isList, out var tree, out var error))
        {
            return tree;
        }

        parameters.Fail(error);
        return None;
    }

    public static bool TryParse(
        IEnumerable<string> paths,
        IReadOnlySet<string> expandable,
        bool isList,
        [NotNullWhen(true)] out ExpansionTree? tree,
        [NotNullWhen(false)] out StripeError? error)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(expandable);
        var root = new ExpansionTree();
        tree = null;
        foreach (var path in paths)
        {
            var segments = path.Split('.');
            if (segments.Length > MaxDepth)
            {
                error = StripeError.InvalidRequest($"You cannot expand more than {MaxDepth} levels of a property.", "expand");
                return false;
            }

            var relative = isList && segments.Length > 1 && segments[0] == "data" ? segments[1..] : isList ? null : segments;
            if (relative is null || relative.Any(string.IsNullOrEmpty) || !expandable.Contains(string.Join('.', relative)))
            {
                error = StripeError.InvalidRequest($"This property cannot be expanded ({path}).", "expand");
                return false;
            }

            var node = root;
            foreach (var segment in relative)
            {
                node = node._children.TryGetValue(segment, out var child) ? child : node._children[segment] = new ExpansionTree();
            }
        }

        tree = root;
        error = null;
        return true;
    }
}
