using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Domain;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk.Policies;

public sealed class DeviceBindingPolicyTests
{
    private const string Attacker = "dev_attacker";
    private readonly RiskOptions _options = new();
    private readonly RiskScorer _scorer = new(new RiskOptions(), model: null);

    private static PaymentCandidate FromDevice(DateTimeOffset at, decimal amount, string payee, DateTimeOffset boundAt) =>
        Candidate(at, amount, payee, Attacker) with { DeviceBoundAt = boundAt };

    [Fact]
    public void IsRisky_BindingAfterNewDeviceLoginInANewCity_True()
    {
        var profile = Observed(Established(), Login(T0, Attacker, "Urumqi"));

        Assert.True(DeviceBindingPolicy.IsRisky(profile, Attacker, T0.AddMinutes(3), _options));
    }

    [Fact]
    public void IsRisky_NewPhoneBoundAtHome_False()
    {
        var profile = Observed(Established(), Login(T0, Attacker, Home));

        Assert.False(DeviceBindingPolicy.IsRisky(profile, Attacker, T0.AddMinutes(3), _options));
    }

    [Fact]
    public void IsRisky_NewCityLoginLongBeforeTheBinding_False()
    {
        var profile = Observed(Established(), Login(T0, Attacker, "Urumqi"));

        Assert.False(DeviceBindingPolicy.IsRisky(profile, Attacker, T0.AddHours(2), _options));
    }

    [Fact]
    public void IsRisky_KnownDeviceInANewCity_False()
    {
        var profile = Observed(Established(), Login(T0, HomeDevice, "Urumqi"));

        Assert.False(DeviceBindingPolicy.IsRisky(profile, HomeDevice, T0.AddMinutes(3), _options));
    }

    [Fact]
    public void IsRisky_UnknownGeolocation_False()
    {
        var profile = Observed(Established(), Login(T0, Attacker, city: null));

        Assert.False(DeviceBindingPolicy.IsRisky(profile, Attacker, T0.AddMinutes(3), _options));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(359, true)]
    [InlineData(360, false)]
    [InlineData(1_000, false)]
    public void IsFresh_WithinSixHoursOfTheBinding(int minutes, bool expected) =>
        Assert.Equal(expected, DeviceBindingPolicy.IsFresh(T0, T0.AddMinutes(minutes), _options));

    [Fact]
    public void IsFresh_NeverBoundHere_False() => Assert.False(DeviceBindingPolicy.IsFresh(null, T0, _options));

    [Fact]
    public void ScorePayment_SmallPaymentFromFreshlyBoundPhone_MediumForTheOneTimeCodeOnly()
    {
        var profile = Observed(Established(), Login(T0, Attacker, Home));

        var verdict = _scorer.ScorePayment(profile, FromDevice(T0.AddMinutes(10), 80m, "acc_usual1", T0.AddMinutes(2)));

        Assert.Equal(RiskLevel.Medium, verdict.Level);
        Assert.Contains(RiskReasons.FreshlyBoundDevice, verdict.Reasons);
        Assert.DoesNotContain(RiskReasons.RiskyBinding, verdict.Reasons);
        Assert.False(PaymentStepUpPolicy.WarrantsContact(verdict.Level, [.. verdict.Reasons.Where(r => r != RiskReasons.LoginThenPaymentNewDevice)]));
    }

    [Fact]
    public void ScorePayment_LargePaymentAfterARiskyBinding_High()
    {
        var profile = Observed(Established(), Login(T0, Attacker, "Urumqi"));

        var verdict = _scorer.ScorePayment(profile, FromDevice(T0.AddMinutes(10), 8_000m, "acc_mule", T0.AddMinutes(2)));

        Assert.Equal(RiskLevel.High, verdict.Level);
        Assert.Contains(RiskReasons.RiskyBinding, verdict.Reasons);
        Assert.Contains(RiskReasons.UnusualAfterBinding, verdict.Reasons);
    }

    [Fact]
    public void ScorePayment_FirstLargePaymentAfterABindingAtHome_MediumSecondHigh()
    {
        var profile = Observed(Established(), Login(T0, Attacker, Home));
        var boundAt = T0.AddMinutes(2);
        var first = FromDevice(T0.AddMinutes(10), 8_000m, "acc_mule1", boundAt);

        var firstVerdict = _scorer.ScorePayment(profile, first);
        Observed(profile, ToActivity(first));
        var secondVerdict = _scorer.ScorePayment(profile, FromDevice(T0.AddMinutes(14), 9_000m, "acc_mule2", boundAt));

        Assert.Equal(RiskLevel.Medium, firstVerdict.Level);
        Assert.Equal(RiskLevel.High, secondVerdict.Level);
    }

    [Fact]
    public void ScorePayment_LargePaymentLongAfterTheBinding_NoBindingReasons()
    {
        var profile = Observed(Established(), Login(T0, Attacker, "Urumqi"));

        var verdict = _scorer.ScorePayment(profile, FromDevice(T0.AddHours(7), 8_000m, "acc_shop", T0.AddMinutes(2)));

        Assert.DoesNotContain(RiskReasons.FreshlyBoundDevice, verdict.Reasons);
        Assert.DoesNotContain(RiskReasons.RiskyBinding, verdict.Reasons);
        Assert.DoesNotContain(RiskReasons.UnusualAfterBinding, verdict.Reasons);
    }
}
