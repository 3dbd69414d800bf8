using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk;

public sealed class PaymentDataQualityTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static PaymentCandidate Complete() =>
        new("m1", 100m, "CNY", "acc-1", "acc-2", "app", "device-1", true, "198.51.100.7", "CN", "Shanghai", null, Now);

    [Fact]
    public void Problems_CompleteCheck_None() => Assert.Empty(PaymentDataQuality.Problems(Complete(), Now));

    [Fact]
    public void Problems_NoDeviceNoIpNoPlace_NamesEachMissingField()
    {
        var check = Complete() with { DeviceId = null, Ip = " ", Country = null, City = "" };

        Assert.Equal(["deviceId", "ip", "country", "city"], PaymentDataQuality.Problems(check, Now));
    }

    [Fact]
    public void Problems_UnknownCurrencyZeroAmountFutureTime_AllReported()
    {
        var check = Complete() with { Amount = 0m, Currency = "XXX", At = Now.AddMinutes(6) };

        Assert.Equal(["amount", "currency", "at"], PaymentDataQuality.Problems(check, Now));
    }

    [Fact]
    public void Problems_WithinClockSkew_Accepted() =>
        Assert.Empty(PaymentDataQuality.Problems(Complete() with { At = Now.AddMinutes(5) }, Now));
}
