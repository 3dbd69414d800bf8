using Orleans.Fin.Common;

namespace Orleans.Fin.UnitTests.Common;

/// <summary>
/// Only a platform id in its canonical spelling packs, and it formats back to exactly its text: text to bits to text is
/// the identity, so packed ids compare exactly.
/// </summary>
public sealed class PlatformIdBitsTests
{
    [Theory]
    [InlineData("pay_00000000000000000000000000", 0UL, 0UL)]
    [InlineData("dep_00000000000000000000000001", 0UL, 1UL)]
    [InlineData("wdr_0000000000000000000000000Z", 0UL, 31UL)]
    [InlineData("alert_7ZZZZZZZZZZZZZZZZZZZZZZZZZ", ulong.MaxValue, ulong.MaxValue)]
    [InlineData("sub_00000000000001000000000000", 0UL, 1UL << 60)]
    [InlineData("lrp_00000000000010000000000000", 2UL, 0UL)]
    public void TryPack_CanonicalId_GivesItsBitsAndFormatsBackToTheSameText(string text, ulong high, ulong low)
    {
        Assert.True(PlatformIdBits.TryPack(text, out var prefix, out var bits));
        Assert.Equal(new UInt128(high, low), bits);
        Assert.Equal(text, PlatformIdBits.ToText(prefix, bits));
    }

    [Theory]
    [InlineData("pay_01m8pq1fmfckeqnkn7hr2f7fc8")] // lower case: another text
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FC8 ")]
    [InlineData(" pay_01M8PQ1FMFCKEQNKN7HR2F7FC8")]
    [InlineData("pay_81M8PQ1FMFCKEQNKN7HR2F7FC8")] // a first digit past 128 bits
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FCI")] // letters Crockford leaves out
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FCL")]
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FCO")]
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FCU")]
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FC\u00C8")]
    [InlineData("pay-01M8PQ1FMFCKEQNKN7HR2F7FC8")]
    [InlineData("PAY_01M8PQ1FMFCKEQNKN7HR2F7FC8")]
    [InlineData("mov_01M8PQ1FMFCKEQNKN7HR2F7FC8")] // a prefix the platform does not make
    [InlineData("_01M8PQ1FMFCKEQNKN7HR2F7FC8")]
    [InlineData("x_pay_01M8PQ1FMFCKEQNKN7HR2F7FC8")]
    [InlineData("pay_0000000000000000000000000")] // a digit too few
    [InlineData("pay_000000000000000000000000000")] // a digit too many
    [InlineData("pay_1")]
    [InlineData("")]
    public void TryPack_AnyOtherText_IsFalse(string text)
    {
        Assert.False(PlatformIdBits.TryPack(text, out _, out _));
    }

    [Fact]
    public void TryPack_IdsFinIdsMakes_PackAndFormatBackForEveryPrefix()
    {
        string[] prefixes =
        [
            IdPrefixes.Customer, IdPrefixes.Account, IdPrefixes.Payment, IdPrefixes.Deposit, IdPrefixes.Withdrawal,
            IdPrefixes.SystemAccount, IdPrefixes.RiskCase, IdPrefixes.RiskAlert, IdPrefixes.Loan, IdPrefixes.LoanRepayment,
            IdPrefixes.Portfolio, IdPrefixes.FundSubscription, IdPrefixes.FundRedemption,
        ];
        var codes = new HashSet<byte>();
        foreach (var prefix in prefixes)
        {
            for (var i = 0; i < 200; i++)
            {
                var id = FinIds.New(prefix, DateTimeOffset.UnixEpoch.AddDays(i * 97));

                Assert.True(PlatformIdBits.TryPack(id, out var code, out var bits));
                Assert.Equal(id, PlatformIdBits.ToText(code, bits));
                codes.Add(code);
            }
        }

        Assert.Equal(13, codes.Count);
        Assert.Equal(13, PlatformIdBits.PrefixCount);
        Assert.Equal(32, PlatformIdBits.MaxTextLength); // "alert_" and 26 digits
    }

    [Fact]
    public void Format_IntoASpan_WritesTheTextAndGivesItsLength()
    {
        Assert.True(PlatformIdBits.TryPack("pay_01M8PQ1FMFCKEQNKN7HR2F7FC8", out var prefix, out var bits));
        Span<char> chars = stackalloc char[40];

        var length = PlatformIdBits.Format(prefix, bits, chars);

        Assert.Equal("pay_01M8PQ1FMFCKEQNKN7HR2F7FC8", new string(chars[..length]));
    }
}
