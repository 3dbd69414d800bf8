using Orleans.Fin.Risk.Control;

namespace Orleans.Fin.UnitTests.RiskControl;

public sealed class BoundedTests
{
    [Fact]
    public void Add_PastCapacity_DropsTheOldest()
    {
        List<int> list = [1, 2, 3];

        Bounded.Add(list, 4, 3);

        Assert.Equal([2, 3, 4], list);
    }

    [Fact]
    public void AddDistinct_Present_IsNotAddedAgain()
    {
        List<string> list = ["a"];

        Assert.False(Bounded.AddDistinct(list, "a", 10));
        Assert.True(Bounded.AddDistinct(list, "b", 10));
        Assert.Equal(["a", "b"], list);
    }

    [Fact]
    public void PageBelow_WalksEveryItemOnceNewestFirst()
    {
        var newestFirst = Enumerable.Range(1, 7).Reverse().Select(i => (long)i).ToList();
        List<long> seen = [];
        long? cursor = null;
        do
        {
            var (items, next) = Bounded.PageBelow(newestFirst, i => i, cursor, 3);
            seen.AddRange(items);
            cursor = next;
        }
        while (cursor is not null);

        Assert.Equal(newestFirst, seen);
    }

    [Fact]
    public void PageBelow_LastFullPage_HasNoNextCursor() =>
        Assert.Null(Bounded.PageBelow(new long[] { 3, 2, 1 }, i => i, null, 3).Next);
}
