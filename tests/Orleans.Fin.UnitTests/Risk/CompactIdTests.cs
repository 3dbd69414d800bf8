using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>
/// A platform id is held as its prefix and 128 bits, anything else as its string; either way it reads back as exactly the
/// text it was made from, and two are equal exactly when their texts are.
/// </summary>
public sealed class CompactIdTests
{
    private const string Payment = "pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN";

    [Theory]
    [InlineData(Payment, true)]
    [InlineData("dep_00000000000000000000000000", true)]
    [InlineData("wdr_7ZZZZZZZZZZZZZZZZZZZZZZZZZ", true)]
    [InlineData("case_01JDQ4ZK8M3T6V9XW2R5B7C0HN", true)]
    [InlineData("acc_0123456789ABCDEFGHJKMNPQRS", true)]
    [InlineData("mov_1", false)] // a prefix it does not pack
    [InlineData("pay_1", false)] // too short
    [InlineData("pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN:PaymentOut", false)] // an event id
    [InlineData("pay_01jdq4zk8m3t6v9xw2r5b7c0hn", false)] // lower case: another text, kept as it is
    [InlineData("pay_81JDQ4ZK8M3T6V9XW2R5B7C0HN", false)] // a first digit past 128 bits
    [InlineData("pay_01JDQ4ZK8M3T6V9XW2R5B7C0HI", false)] // a letter Crockford leaves out
    [InlineData("pay_01JDQ4ZK8M3T6V9XW2R5B7C0H\u00e9", false)]
    [InlineData("xyz_01JDQ4ZK8M3T6V9XW2R5B7C0HN", false)]
    [InlineData("_01JDQ4ZK8M3T6V9XW2R5B7C0HN", false)]
    [InlineData("", false)]
    public void Of_Text_PacksOnlyPlatformIdsAndReadsBackTheSameText(string text, bool packed)
    {
        var compact = CompactId.Of(text);

        Assert.Equal(packed, compact.IsPacked);
        Assert.Equal(text, compact.Text);
        if (!packed)
        {
            Assert.Same(text, compact.Text);
        }
    }

    [Fact]
    public void Of_Null_IsTheDefaultAndReadsNull()
    {
        Assert.Null(CompactId.Of(null).Text);
        Assert.Equal(default, CompactId.Of(null));
        Assert.NotEqual(CompactId.Of(""), CompactId.Of(null));
    }

    [Fact]
    public void Equals_SameTextMadeTwice_IsEqualWithTheSameHash()
    {
        var first = CompactId.Of(Payment);
        var second = CompactId.Of(new string(Payment.AsSpan()));

        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(CompactId.Of("mov_1"), CompactId.Of(new string("mov_1".AsSpan())));
    }

    [Theory]
    [InlineData(Payment, "pay_01JDQ4ZK8M3T6V9XW2R5B7C0HP")] // the last bit
    [InlineData(Payment, "pay_11JDQ4ZK8M3T6V9XW2R5B7C0HN")] // the first bits
    [InlineData(Payment, "dep_01JDQ4ZK8M3T6V9XW2R5B7C0HN")] // same bits, another prefix
    [InlineData(Payment, "pay_01jdq4zk8m3t6v9xw2r5b7c0hn")] // packed against a string
    [InlineData("mov_1", "mov_2")]
    public void Equals_DifferentTexts_AreNotEqual(string one, string other)
    {
        Assert.NotEqual(CompactId.Of(one), CompactId.Of(other));
        Assert.True(CompactId.Of(one) != CompactId.Of(other));
    }
}
