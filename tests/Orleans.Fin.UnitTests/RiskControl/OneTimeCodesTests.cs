using Orleans.Fin.Risk.Control;

namespace Orleans.Fin.UnitTests.RiskControl;

public sealed class OneTimeCodesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private static readonly byte[] Salt = [.. Enumerable.Range(1, 16).Select(i => (byte)i)];

    private static OtpChallenge Issued(string code = "123456") => OneTimeCodes.Issue("pay_1", code, Salt, Now, Lifetime, null);

    [Fact]
    public void Issue_KeepsOnlyASaltedHash()
    {
        var challenge = Issued();

        Assert.DoesNotContain("123456", challenge.CodeHash, StringComparison.Ordinal);
        Assert.Equal(Now + Lifetime, challenge.ExpiresAt);
        Assert.Equal((0, 1, false), (challenge.Attempts, challenge.Issues, challenge.Used));
    }

    [Fact]
    public void Issue_AfterAnotherCode_CountsTheIssues() =>
        Assert.Equal(2, OneTimeCodes.Issue("pay_1", "654321", Salt, Now, Lifetime, Issued()).Issues);

    [Fact]
    public void Verify_RightCodeInTime_PassesOnce()
    {
        var challenge = Issued();

        Assert.Equal(OtpCheck.Passed, OneTimeCodes.Verify(challenge, "123456", Now.AddMinutes(4), 3));
        Assert.Equal(OtpCheck.Replayed, OneTimeCodes.Verify(challenge, "123456", Now.AddMinutes(4), 3));
    }

    [Fact]
    public void Verify_AtExpiry_IsExpiredEvenWhenRight() =>
        Assert.Equal(OtpCheck.Expired, OneTimeCodes.Verify(Issued(), "123456", Now + Lifetime, 3));

    [Fact]
    public void Verify_WrongCodes_AreCountedThenExhaust()
    {
        var challenge = Issued();

        Assert.Equal(OtpCheck.Wrong, OneTimeCodes.Verify(challenge, "000000", Now, 3));
        Assert.Equal(OtpCheck.Wrong, OneTimeCodes.Verify(challenge, "000001", Now, 3));
        Assert.Equal(OtpCheck.Exhausted, OneTimeCodes.Verify(challenge, "000002", Now, 3));
        Assert.Equal(OtpCheck.Exhausted, OneTimeCodes.Verify(challenge, "123456", Now, 3));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("123456")]
    public void Verify_NoChallengeOrNoCode_IsMissing(string? code)
    {
        Assert.Equal(OtpCheck.Missing, OneTimeCodes.Verify(null, code, Now, 3));
        Assert.Equal(OtpCheck.Missing, OneTimeCodes.Verify(Issued(), null, Now, 3));
    }

    [Fact]
    public void Compose_DrawsEveryDigit()
    {
        var digits = new Queue<int>([4, 0, 9, 1, 2, 3]);

        Assert.Equal("409123", OneTimeCodes.Compose(6, _ => digits.Dequeue()));
    }

    [Fact]
    public void Mask_ShowsNothingButTheLength() => Assert.Equal("******", OneTimeCodes.Mask("409123"));
}
