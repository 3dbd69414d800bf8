using Orleans.Fin.Accounts;
using Orleans.Fin.Common;

namespace Orleans.Fin.UnitTests.Accounts;

/// <summary><see cref="LegIds"/>: packed or not, every id is kept and recognised exactly, never by a digest.</summary>
public sealed class LegIdsTests
{
    private const string First = "pay_01M8PQ1FMFCKEQNKN7HR2F7FC8";
    private const string Second = "dep_01M8PQ1FMFCKEQNKN7HR2F7FD0";
    private static readonly DateTimeOffset Made = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

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

    [Theory]
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FC8", true)]
    [InlineData("pay_01m8pq1fmfckeqnkn7hr2f7fc8", true)] // held as its characters, next to the packed one
    [InlineData("pay_81M8PQ1FMFCKEQNKN7HR2F7FC8", true)] // past 128 bits: held as its characters
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FC8:1", true)]
    [InlineData("dep_01M8PQ1FMFCKEQNKN7HR2F7FC8", false)] // the same bits under another prefix
    [InlineData("pay_01M8pq1FMFCKEQNKN7HR2F7FC8", false)]
    [InlineData("pay_81m8pq1fmfckeqnkn7hr2f7fc8", false)]
    [InlineData("pay_41M8PQ1FMFCKEQNKN7HR2F7FC8", false)]
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FC", false)]
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FC8:", false)]
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FC\u00C8", false)]
    public void Contains_PlatformIdsBesideOtherSpellings_MatchesOnlyTheSameText(string id, bool expected)
    {
        LegIds ids = ["pay_01M8PQ1FMFCKEQNKN7HR2F7FC8", "pay_01m8pq1fmfckeqnkn7hr2f7fc8", "pay_81M8PQ1FMFCKEQNKN7HR2F7FC8", "pay_01M8PQ1FMFCKEQNKN7HR2F7FC8:1"];

        Assert.Equal(expected, ids.Contains(id));
        Assert.Equal(expected, ids.Contains(new LegId(id)));
    }

    [Fact]
    public void Create_PlatformIdsOfEveryPrefixAndOtherIds_GivesEachBackExactlyInOrder()
    {
        string[] made =
        [
            FinIds.New(IdPrefixes.Payment, Made), "x", FinIds.New(IdPrefixes.Deposit, Made), "", FinIds.New(IdPrefixes.RiskAlert, Made),
            "pay_01m8pq1fmfckeqnkn7hr2f7fc8", FinIds.New(IdPrefixes.FundRedemption, Made), FinIds.New(IdPrefixes.SystemAccount, Made),
            "pay_" + new string('7', 235),
        ];

        LegIds ids = [.. made];

        Assert.Equal(made, ids.ToList());
        Assert.Equal(made, Enumerable.Range(0, made.Length).Select(i => ids[i]));
        Assert.All(made, id => Assert.True(ids.Contains(id)));
    }

    [Fact]
    public void Append_PackedIds_IsTheSameAsCreatingTheWholeList()
    {
        LegIds first = [First, "x"];

        var appended = first.Append([Second, "pay_01m8pq1fmfckeqnkn7hr2f7fc8"]);

        LegIds whole = [First, "x", Second, "pay_01m8pq1fmfckeqnkn7hr2f7fc8"];
        Assert.Equal(whole, appended);
        Assert.Equal([First, "x", Second, "pay_01m8pq1fmfckeqnkn7hr2f7fc8"], appended.ToList());
        Assert.Equal([First, "x"], first.ToList());
        Assert.Equal([First], LegIds.Empty.Append([First]).ToList());
        Assert.Equal(first, first.Append([]));
    }

    [Fact]
    public void Append_IdOutsideAscii_KeepsEveryIdExactly()
    {
        LegIds first = [First];

        var appended = first.Append(["pay_\u00E9t\u00E9"]).Append([Second]);

        Assert.Equal([First, "pay_\u00E9t\u00E9", Second], appended.ToList());
        Assert.True(appended.Contains(First));
        Assert.True(appended.Contains(Second));
        Assert.False(appended.Contains("pay_ete"));
    }

    [Fact]
    public void Write_PackedIds_WritesWhatAListOfStringsWrites()
    {
        var serializer = new StateJsonSerializer();
        string[] ascii = [First, "pay_<a&b>+'\"\\\u0001", "pay_01m8pq1fmfckeqnkn7hr2f7fc8", Second];
        string[] other = ["pay_\u00E9", First];

        var packed = serializer.Serialize(new SettledLegsState { Batches = [new SettledLegs(Made, [.. ascii]), new SettledLegs(Made, [.. other])] });
        var strings = serializer.Serialize(new { SchemaVersion = 1, Batches = new[] { new { At = Made, Ids = ascii }, new { At = Made, Ids = other } } });

        Assert.Equal(strings.ToString(), packed.ToString());
        Assert.Contains("\\u003Ca\\u0026b\\u003E\\u002B\\u0027\\u0022\\\\\\u0001", packed.ToString(), StringComparison.Ordinal);
    }
}
