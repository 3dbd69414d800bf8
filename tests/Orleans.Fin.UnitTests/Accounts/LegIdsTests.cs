using Orleans.Fin.Accounts;

namespace Orleans.Fin.UnitTests.Accounts;

/// <summary><see cref="LegIds"/>: packed or not, every id is kept and recognised exactly, never by a digest.</summary>
public sealed class LegIdsTests
{
    private const string First = "pay_01M8PQ1FMFCKEQNKN7HR2F7FC8";
    private const string Second = "dep_01M8PQ1FMFCKEQNKN7HR2F7FD0";

    [Fact]
    public void Create_AsciiIds_GivesEachBackInOrder()
    {
        LegIds ids = [First, Second, "x", ""];

        Assert.Equal(4, ids.Count);
        Assert.Equal([First, Second, "x", ""], ids.ToList());
        Assert.Equal(Second, ids[1]);
        Assert.Equal("", ids[3]);
    }

    [Theory]
    [InlineData(First, true)]
    [InlineData(Second, true)]
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FC9", false)] // the last character differs
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FC", false)] // a prefix
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FC8X", false)] // one character longer
    [InlineData("PAY_01M8PQ1FMFCKEQNKN7HR2F7FC8", false)] // another case
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FC\u00E8", false)] // the same length, a character outside ASCII
    [InlineData("", false)]
    public void Contains_PackedIds_MatchesOnlyTheSameText(string id, bool expected)
    {
        LegIds ids = [First, Second];

        Assert.Equal(expected, ids.Contains(id));
    }

    [Fact]
    public void Create_IdOutsideAscii_KeepsEveryIdOfTheBatchExactly()
    {
        LegIds ids = ["pay_1", "pay_\u00E9t\u00E9", "pay_\uD83D\uDE00"];

        Assert.Equal(["pay_1", "pay_été", "pay_\uD83D\uDE00"], ids.ToList());
        Assert.True(ids.Contains("pay_été"));
        Assert.True(ids.Contains("pay_1"));
        Assert.False(ids.Contains("pay_ete"));
    }

    [Fact]
    public void Create_IdLongerThan255_KeepsItExactly()
    {
        var longId = "pay_" + new string('7', 300);
        LegIds ids = [First, longId];

        Assert.Equal(longId, ids[1]);
        Assert.True(ids.Contains(longId));
        Assert.False(ids.Contains(longId[..^1] + "8"));
    }

    [Fact]
    public void Equals_SameIdsInTheSameOrder_IsTrue()
    {
        LegIds ids = [First, Second];
        LegIds same = [new string(First.AsSpan()), new string(Second.AsSpan())];
        LegIds swapped = [Second, First];
        LegIds none = [];

        Assert.Equal(same, ids);
        Assert.NotEqual(swapped, ids);
        Assert.Equal(LegIds.Empty, none);
        Assert.Empty(LegIds.Empty);
        Assert.False(LegIds.Empty.Contains(First));
    }
}
