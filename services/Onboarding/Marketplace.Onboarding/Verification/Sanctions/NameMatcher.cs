using System.Text;

namespace Marketplace.Onboarding.Verification.Sanctions;

/// <summary>
/// Fuzzy name matching as screening needs it: case, accents, punctuation and word order do not matter, and small
/// spelling differences (transliterations such as Dmitri / Dmitry) still match, by Jaro-Winkler similarity per word.
/// </summary>
public static class NameMatcher
{
    /// <summary>Per-word similarity from which two words are the same name.</summary>
    const double WordThreshold = 0.9;

    static readonly Dictionary<char, string> Folds = new()
    {
        ['à'] = "a", ['á'] = "a", ['â'] = "a", ['ã'] = "a", ['ä'] = "a", ['å'] = "a", ['æ'] = "ae", ['ç'] = "c",
        ['è'] = "e", ['é'] = "e", ['ê'] = "e", ['ë'] = "e", ['ì'] = "i", ['í'] = "i", ['î'] = "i", ['ï'] = "i",
        ['ñ'] = "n", ['ò'] = "o", ['ó'] = "o", ['ô'] = "o", ['õ'] = "o", ['ö'] = "o", ['ø'] = "o", ['œ'] = "oe",
        ['ù'] = "u", ['ú'] = "u", ['û'] = "u", ['ü'] = "u", ['ý'] = "y", ['ÿ'] = "y", ['ß'] = "ss",
    };

    /// <summary>Lowercase ASCII words, accents folded, punctuation and hyphens as separators.</summary>
    public static IReadOnlyList<string> Tokens(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (Folds.TryGetValue(c, out var folded))
            {
                text.Append(folded);
            }
            else
            {
                text.Append(char.IsAsciiLetterOrDigit(c) ? c : ' ');
            }
        }

        return text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// True when every word of the shorter name matches a distinct word of the longer one, at least two words match
    /// (one shared surname is not a hit), and every word of the listed <paramref name="surname"/> is among the
    /// candidate's (a shared first name and a similar middle name are not a hit either).
    /// </summary>
    public static bool Matches(IReadOnlyList<string> candidate, IReadOnlyList<string> listed, IReadOnlyList<string> surname)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(surname);
        if (!surname.All(word => candidate.Any(other => JaroWinkler(word, other) >= WordThreshold)))
        {
            return false;
        }

        var (shorter, longer) = candidate.Count <= listed.Count ? (candidate, listed) : (listed, candidate);
        if (shorter.Count < 2)
        {
            return false;
        }

        var used = new bool[longer.Count];
        foreach (var word in shorter)
        {
            var best = -1;
            var bestScore = 0.0;
            for (var i = 0; i < longer.Count; i++)
            {
                var score = used[i] ? 0 : JaroWinkler(word, longer[i]);
                if (score > bestScore)
                {
                    (best, bestScore) = (i, score);
                }
            }

            if (best < 0 || bestScore < WordThreshold)
            {
                return false;
            }

            used[best] = true;
        }

        return true;
    }

    public static double JaroWinkler(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a == b)
        {
            return 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        var aMatched = new bool[a.Length];
        var bMatched = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j < Math.Min(b.Length, i + window + 1); j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        for (int i = 0, j = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }

            while (!bMatched[j])
            {
                j++;
            }

            if (a[i] != b[j])
            {
                transpositions++;
            }

            j++;
        }

        double m = matches;
        var jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
