using Marketplace.Api.Expansion;
using Marketplace.Api.Tests.Support;

namespace Marketplace.Api.Tests.Expansion;

public sealed class ExpansionTreeTests
{
    static readonly HashSet<string> Expandable = ["customer", "latest_charge", "latest_charge.balance_transaction", "a.b.c.d"];

    [Fact]
    public void Read_NestedPath_ExpandsEachLevel()
    {
        var reader = Parameters.Form("expand[]=latest_charge.balance_transaction&expand[]=customer");

        var tree = ExpansionTree.Read(reader, Expandable);

        Assert.Null(reader.Complete());
        Assert.True(tree.Contains("customer"));
        Assert.True(tree.Contains("latest_charge"));
        Assert.True(tree.Child("latest_charge").Contains("balance_transaction"));
        Assert.False(tree.Contains("payment_method"));
        Assert.True(tree.Child("customer").IsEmpty);
    }

    [Fact]
    public void Read_PropertyNotExpandable_FailsInStripesWords()
    {
        var reader = Parameters.Form("expand[]=foo");

        var tree = ExpansionTree.Read(reader, Expandable);

        Assert.True(tree.IsEmpty);
        Assert.Equal("This property cannot be expanded (foo).", reader.Complete()?.Message);
    }

    [Fact]
    public void Read_OnAList_TakesPathsUnderData()
    {
        var reader = Parameters.Form("expand[0]=data.customer");

        var tree = ExpansionTree.Read(reader, Expandable, isList: true);

        Assert.True(tree.Contains("customer"));
        Assert.Null(reader.Complete());
    }

    [Fact]
    public void Read_OnAListWithoutData_IsNotExpandable()
    {
        var reader = Parameters.Form("expand[0]=customer");

        ExpansionTree.Read(reader, Expandable, isList: true);

        Assert.Equal("This property cannot be expanded (customer).", reader.Complete()?.Message);
    }

    [Fact]
    public void TryParse_DeeperThanFourLevels_IsRefused()
    {
        Assert.True(ExpansionTree.TryParse(["a.b.c.d"], Expandable, isList: false, out _, out _));
        Assert.False(ExpansionTree.TryParse(["data.a.b.c.d"], Expandable, isList: true, out _, out var error));
        Assert.Equal("You cannot expand more than 4 levels of a property.", error.Message);
    }

    [Fact]
    public void TryParse_EmptySegment_IsNotExpandable()
    {
        Assert.False(ExpansionTree.TryParse(["customer."], Expandable, isList: false, out _, out var error));
        Assert.Equal("expand", error.Param);
    }
}
