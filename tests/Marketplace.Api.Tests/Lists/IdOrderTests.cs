using Marketplace.Data;

namespace Marketplace.Api.Tests.Lists;

/// <summary>Lists page by id, newest first: ids must sort in the order they were made.</summary>
public sealed class IdOrderTests
{
    [Fact]
    public void IdsMadeWithinOneMillisecond_SortInTheOrderTheyWereMade()
    {
        var now = DateTimeOffset.UtcNow;

        var ids = Enumerable.Range(0, 1_000).Select(_ => PrefixedId.New("cus", now)).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void AnIdOfALaterMillisecond_SortsAfter_AndOneOfAnEarlierMillisecondBefore()
    {
        var now = DateTimeOffset.UtcNow;

        var current = PrefixedId.New("cus", now);
        var earlier = PrefixedId.New("cus", now.AddMilliseconds(-1));
        var later = PrefixedId.New("cus", now.AddMilliseconds(1));

        Assert.True(string.CompareOrdinal(earlier, current) < 0);
        Assert.True(string.CompareOrdinal(current, later) < 0);
    }
}
