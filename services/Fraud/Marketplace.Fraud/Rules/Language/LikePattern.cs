namespace Marketplace.Fraud.Rules.Language;

/// <summary>
/// A <c>LIKE</c> pattern, where <c>%</c> stands for any run of characters and everything else matches itself
/// regardless of case; split once into its literal pieces, so that matching allocates nothing and cannot backtrack.
/// </summary>
public sealed class LikePattern(string pattern)
{
    readonly string[] _pieces = pattern.Split('%');

    public bool Matches(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_pieces.Length == 1)
        {
            return string.Equals(value, _pieces[0], StringComparison.OrdinalIgnoreCase);
        }

        var first = _pieces[0];
        var last = _pieces[^1];
        if (value.Length < first.Length + last.Length
            || !value.StartsWith(first, StringComparison.OrdinalIgnoreCase)
            || !value.EndsWith(last, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // The middle pieces, in order, leftmost each time, between the anchored first and last pieces.
        var position = first.Length;
        var end = value.Length - last.Length;
        for (var i = 1; i < _pieces.Length - 1; i++)
        {
            var piece = _pieces[i];
            if (piece.Length == 0)
            {
                continue;
            }

            var found = value.IndexOf(piece, position, end - position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position = found + piece.Length;
        }

        return true;
    }
}
