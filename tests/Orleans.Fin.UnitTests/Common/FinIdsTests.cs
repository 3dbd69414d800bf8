using Orleans.Fin.Common;

namespace Orleans.Fin.UnitTests.Common;

public sealed class FinIdsTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 8, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(IdPrefixes.Customer)]
    [InlineData(IdPrefixes.Account)]
    [InlineData(IdPrefixes.Payment)]
    public void New_AnyPrefix_IsPrefixUnderscoreAnd26Characters(string prefix)
    {
        var id = FinIds.New(prefix, Now);

        Assert.StartsWith(prefix + "_", id, StringComparison.Ordinal);
        Assert.Equal(prefix.Length + 27, id.Length);
        Assert.All(id[(prefix.Length + 1)..], c => Assert.Contains(c, Alphabet));
        Assert.True(FinIds.HasPrefix(id, prefix));
    }

    [Fact]
    public void New_TenThousandAtTheSameInstant_AreUnique()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 10_000; i++)
        {
            ids.Add(FinIds.New(IdPrefixes.Payment, Now));
        }

        Assert.Equal(10_000, ids.Count);
    }

    [Fact]
    public void New_OneMillisecondLater_SortsAfter()
    {
        for (var i = 0; i < 1_000; i++)
        {
            var earlier = FinIds.New(IdPrefixes.Payment, Now);
            var later = FinIds.New(IdPrefixes.Payment, Now.AddMilliseconds(1));

            Assert.True(string.CompareOrdinal(earlier, later) < 0, $"{earlier} should sort before {later}");
        }
    }

    [Fact]
    public void New_DifferentTimestamps_OrdinalOrderIsTimeOrder()
    {
        var times = Enumerable.Range(0, 500).Select(i => Now.AddSeconds(i * 7919 % 500).AddMilliseconds(i)).ToList();
        var ids = times.Select(t => (Time: t, Id: FinIds.New(IdPrefixes.Account, t))).ToList();

        var byId = ids.OrderBy(x => x.Id, StringComparer.Ordinal).Select(x => x.Time);

        Assert.Equal(times.Order(), byId);
    }

    [Fact]
    public void FromDigest_SameDigest_GivesSameId()
    {
        var digest = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        var first = FinIds.FromDigest(IdPrefixes.Payment, digest);
        var second = FinIds.FromDigest(IdPrefixes.Payment, digest.ToArray());

        Assert.Equal(first, second);
        Assert.True(FinIds.HasPrefix(first, IdPrefixes.Payment));
    }

    [Fact]
    public void FromDigest_DigestDifferingInFirst16Bytes_GivesDifferentId()
    {
        var digest = new byte[32];
        var other = new byte[32];
        other[15] = 1;

        Assert.NotEqual(FinIds.FromDigest(IdPrefixes.Payment, digest), FinIds.FromDigest(IdPrefixes.Payment, other));
    }

    [Fact]
    public void FromDigest_AllZeroDigest_EncodesAsZeros() =>
        Assert.Equal("pay_" + new string('0', 26), FinIds.FromDigest(IdPrefixes.Payment, new byte[16]));

    [Fact]
    public void FromDigest_ShorterThan16Bytes_Throws() =>
        Assert.Throws<ArgumentException>(() => FinIds.FromDigest(IdPrefixes.Payment, new byte[15]));

    [Fact]
    public void HasPrefix_OtherPrefix_IsFalse()
    {
        var id = FinIds.New(IdPrefixes.Payment, Now);

        Assert.False(FinIds.HasPrefix(id, IdPrefixes.Account));
        Assert.False(FinIds.HasPrefix(id, "pa"));
    }

    [Fact]
    public void HasPrefix_WrongLength_IsFalse()
    {
        var id = FinIds.New(IdPrefixes.Account, Now);

        Assert.False(FinIds.HasPrefix(id[..^1], IdPrefixes.Account));
        Assert.False(FinIds.HasPrefix(id + "0", IdPrefixes.Account));
    }

    [Theory]
    [InlineData('I')]
    [InlineData('L')]
    [InlineData('O')]
    [InlineData('U')]
    [InlineData('a')]
    [InlineData('-')]
    [InlineData('_')]
    public void HasPrefix_CharacterOutsideCrockfordAlphabet_IsFalse(char bad)
    {
        var id = FinIds.New(IdPrefixes.Account, Now);

        Assert.False(FinIds.HasPrefix(id[..^1] + bad, IdPrefixes.Account));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("acc001ARZ3NDEKTSV4RRFFQ69G5FAV")] // no underscore
    [InlineData("acc-01ARZ3NDEKTSV4RRFFQ69G5FAV")]
    public void HasPrefix_Malformed_IsFalse(string? id) => Assert.False(FinIds.HasPrefix(id, IdPrefixes.Account));

    [Fact]
    public void HasPrefix_LowercasedId_IsFalse()
    {
        var id = FinIds.FromDigest(IdPrefixes.Account, Enumerable.Repeat((byte)0xAB, 16).ToArray());

        Assert.True(FinIds.HasPrefix(id, IdPrefixes.Account));
        Assert.False(FinIds.HasPrefix(id.ToLowerInvariant(), IdPrefixes.Account));
    }
}
