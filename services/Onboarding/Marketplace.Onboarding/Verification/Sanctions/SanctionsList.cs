using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.Onboarding.Verification.Sanctions;

/// <summary>
/// The sanctions list screened against, read from a file in the format of OFAC's SDN.CSV (no header; ent_num,
/// SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks;
/// <c>-0-</c> for empty; individuals as <c>LAST, First</c>; the date of birth in Remarks as <c>DOB 14 Mar 1971</c>).
/// The shipped sample (<c>sdn_sample.csv</c>) holds fictitious entries only; an operator points
/// <c>Onboarding:SanctionsListPath</c> at the real SDN.CSV. Stripe's test date of birth 1900-01-01 always hits.
/// </summary>
public sealed partial class SanctionsList(IReadOnlyList<SanctionsEntry> entries)
{
    /// <summary>Stripe's test value that triggers a sanctions (OFAC) alert, whoever it is.</summary>
    public static readonly DateOnly AlwaysListedDob = new(1900, 1, 1);

    public IReadOnlyList<SanctionsEntry> Entries { get; } = entries;

    /// <summary>The entry <paramref name="name"/> (born <paramref name="dob"/>, when known) matches, if any.</summary>
    public SanctionsEntry? Screen(string name, DateOnly? dob)
    {
        if (dob == AlwaysListedDob)
        {
            return new SanctionsEntry("test-1900-01-01", name, NameMatcher.Tokens(name), [], dob);
        }

        var tokens = NameMatcher.Tokens(name);
        // A listed date of birth that differs rules the entry out; one the list does not give cannot.
        return Entries.FirstOrDefault(entry =>
            NameMatcher.Matches(tokens, entry.Tokens, entry.Surname) && (entry.Dob is null || dob is null || entry.Dob == dob));
    }

    public static SanctionsList Load(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<SanctionsEntry>();
        while (reader.ReadLine() is { } line)
        {
            var fields = SplitCsv(line);
            if (fields.Count < 12 || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            var name = fields[1];
            var dob = DobPattern().Match(fields[11]) is { Success: true } match
                && DateOnly.TryParseExact(match.Groups[1].Value, "dd MMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date : (DateOnly?)null;
            var comma = name.IndexOf(',', StringComparison.Ordinal);
            entries.Add(new SanctionsEntry(fields[0], name, NameMatcher.Tokens(name), NameMatcher.Tokens(comma < 0 ? name : name[..comma]), dob));
        }

        return new SanctionsList(entries);
    }

    /// <summary>The shipped sample, or the file <paramref name="path"/> names.</summary>
    public static SanctionsList LoadFrom(string? path)
    {
        if (!string.IsNullOrEmpty(path))
        {
            using var file = new StreamReader(path, Encoding.UTF8);
            return Load(file);
        }

        using var stream = typeof(SanctionsList).Assembly.GetManifestResourceStream("sdn_sample.csv")
            ?? throw new InvalidOperationException("The sample sanctions list is not embedded.");
        using var sample = new StreamReader(stream, Encoding.UTF8);
        return Load(sample);
    }

    /// <summary>RFC 4180 fields: quoted ones may hold commas; <c>-0-</c> is read as empty.</summary>
    static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(Clean(field));
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(Clean(field));
        return fields;
    }

    static string Clean(StringBuilder field)
    {
        var text = field.ToString().Trim();
        return text == "-0-" ? "" : text;
    }

    [GeneratedRegex(@"DOB (\d{2} [A-Z][a-z]{2} \d{4})")]
    private static partial Regex DobPattern();
}
