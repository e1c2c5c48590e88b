using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Marketplace.Api.Forms;
using Marketplace.Api.Metadata;
using Marketplace.Api.Tests.Support;

namespace Marketplace.Api.Tests.Metadata;

public sealed class MetadataUpdateTests
{
    [Fact]
    public void Read_AnyNumberOfKeys_IsAcceptedUpToFifty()
    {
        Prop.ForAll(Gen.Choose(1, 80).ToArbitrary(), count =>
        {
            var reader = Parameters.Form(string.Join('&', Enumerable.Range(0, count).Select(i => $"metadata[k{i}]=v")));
            var update = MetadataUpdate.Read(reader);
            var error = reader.Complete();
            return count <= MetadataRules.MaxKeys
                ? error is null && update.Changes.Count == count
                : error?.Message == $"Metadata can have up to 50 keys, but you passed in {count} keys.";
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Check_AnyKeyLength_IsAcceptedUpToForty()
    {
        Prop.ForAll(Gen.Choose(1, 100).ToArbitrary(), length =>
        {
            var error = MetadataRules.Check(new string('k', length), "v");
            return (length <= 40) == (error is null);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Check_AnyValueLength_IsAcceptedUpToFiveHundred()
    {
        Prop.ForAll(Gen.Choose(0, 1000).ToArbitrary(), length =>
        {
            var error = MetadataRules.Check("k", new string('v', length));
            return (length <= 500) == (error is null);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Read_ValueTooLong_NamesTheKeyInStripesWords()
    {
        var reader = Parameters.Form("metadata[note]=" + new string('x', 501));

        MetadataUpdate.Read(reader);
        var error = reader.Complete();

        Assert.Equal("metadata[note]", error?.Param);
        Assert.StartsWith("Metadata values can have up to 500 characters, but you passed in a value that is 501 characters.", error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_KeyTooLong_NamesTheKey()
    {
        var key = new string('k', 41);
        var reader = Parameters.Form($"metadata[{key}]=v");

        MetadataUpdate.Read(reader);
        var error = reader.Complete();

        Assert.Equal($"metadata[{key}]", error?.Param);
        Assert.StartsWith("Metadata keys can have up to 40 characters, but you passed in a key that is 41 characters.", error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_KeyWithSquareBrackets_IsRefused()
    {
        Assert.True(JsonParameterParser.TryParse(Encoding.UTF8.GetBytes("""{"metadata":{"a[b]":"v"}}"""), out var parameters, out _));
        var reader = ParameterReader.From(parameters);

        MetadataUpdate.Read(reader);

        Assert.Equal("Metadata keys cannot contain square brackets. Invalid key: a[b]", reader.Complete()?.Message);
    }

    [Fact]
    public void TryApply_EmptyValue_DeletesTheKeyAndOthersStay()
    {
        var update = MetadataUpdate.Read(Parameters.Form("metadata[a]=&metadata[c]=3"));
        var current = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" };

        Assert.True(update.TryApply(current, out var result, out _));

        Assert.Equal(new Dictionary<string, string> { ["b"] = "2", ["c"] = "3" }, result);
    }

    [Fact]
    public void TryApply_EmptyMetadata_ClearsEverything()
    {
        var update = MetadataUpdate.Read(Parameters.Form("metadata="));

        Assert.True(update.TryApply(new Dictionary<string, string> { ["a"] = "1" }, out var result, out _));

        Assert.True(update.ClearAll);
        Assert.Empty(result);
    }

    [Fact]
    public void TryApply_PastFiftyKeysWithWhatIsStored_IsRefused()
    {
        var current = Enumerable.Range(0, 50).ToDictionary(i => $"k{i}", _ => "v");
        var update = MetadataUpdate.Read(Parameters.Form("metadata[one_more]=v"));

        Assert.False(update.TryApply(current, out _, out var error));

        Assert.Equal("metadata", error.Param);
    }
}
