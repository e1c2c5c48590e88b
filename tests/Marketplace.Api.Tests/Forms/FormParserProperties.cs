using FsCheck;
using FsCheck.Fluent;
using Marketplace.Api.Forms;
using Marketplace.Api.Tests.Support;

namespace Marketplace.Api.Tests.Forms;

public sealed class FormParserProperties
{
    const string KeyCharacters = "abcxyz_019 -.&=+%?/#éß€中";
    const string ValueCharacters = "abc019 []&=+%?/#\"'éß€中😀\n";

    [Fact]
    public void AnyTree_EncodedAsAFormAndParsed_ComesBackTheSame()
    {
        Prop.ForAll(Trees().ToArbitrary(), tree =>
        {
            var form = ParameterTrees.ToForm(tree);
            var parsed = Parameters.Parse(form);
            return ParameterTrees.Describe(parsed) == ParameterTrees.Describe(tree);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AnyTree_WrittenAsJsonAndParsed_ComesBackTheSame()
    {
        Prop.ForAll(Trees().ToArbitrary(), tree =>
        {
            var json = System.Text.Encoding.UTF8.GetBytes(ParameterTrees.Describe(tree));
            return JsonParameterParser.TryParse(json, out var parsed, out _)
                && ParameterTrees.Describe(parsed) == ParameterTrees.Describe(tree);
        }).QuickCheckThrowOnFailure();
    }

    static Gen<ParameterHash> Trees() => Hash(0, minimumKeys: 0);

    static Gen<ParameterHash> Hash(int depth, int minimumKeys) =>
        from count in Gen.Choose(minimumKeys, 3)
        from keys in Text(KeyCharacters, 1).ListOf(count)
        from children in Node(depth + 1).ListOf(count)
        select Build([.. keys], [.. children]);

    static ParameterHash Build(List<string> keys, List<ParameterNode> children)
    {
        var hash = new ParameterHash();
        for (var i = 0; i < keys.Count; i++)
        {
            if (hash[keys[i]] is null)
            {
                hash.Set(keys[i], children[i]);
            }
        }

        return hash;
    }

    static Gen<ParameterNode> Node(int depth)
    {
        var value = Text(ValueCharacters, 0).Select(text => (ParameterNode)new ParameterValue(text));
        if (depth >= ParameterLimits.MaxDepth - 1)
        {
            return value;
        }

        var list =
            from count in Gen.Choose(1, 3)
            from items in Text(ValueCharacters, 0).ListOf(count)
            select (ParameterNode)ToList(items);
        var hash = Hash(depth, 1).Select(h => (ParameterNode)h);
        return Gen.Frequency((4, value), (1, list), (2, hash));
    }

    static ParameterList ToList(IEnumerable<string> items)
    {
        var list = new ParameterList();
        foreach (var item in items)
        {
            list.Add(new ParameterValue(item));
        }

        return list;
    }

    static Gen<string> Text(string alphabet, int minimumLength) =>
        from length in Gen.Choose(minimumLength, 8)
        from characters in Gen.Elements(alphabet.EnumerateRunes().Select(r => r.ToString()).ToArray()).ListOf(length)
        select string.Concat(characters);
}
