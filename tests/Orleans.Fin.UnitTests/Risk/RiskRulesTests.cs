using Orleans.Fin.Risk.Domain;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk;

public sealed class RiskRulesTests
{
    private readonly RiskOptions _options = new();

    private static RiskEvent Event(PaymentCandidate candidate) => RiskEvent.From(candidate);

    [Fact]
    public void LargePaymentBurst_ThirdLargePaymentWithinTheWindow_Fires()
    {
        var profile = Observed(Established(), Payment(T0, 6_000m, "acc_x1"), Payment(T0.AddMinutes(5), 8_000m, "acc_x2"));

        var signal = RiskRules.LargePaymentBurst(profile, Event(Candidate(T0.AddMinutes(10), 7_000m, "acc_x3")), _options);

        Assert.Equal(RiskReasons.LargePaymentBurst, signal?.Code);
        Assert.Equal(_options.LargeBurstPoints, signal!.Points);
    }

    [Fact]
    public void LargePaymentBurst_DeclinedAttemptsCount()
    {
        var profile = Observed(Established(), Payment(T0, 6_000m, "acc_x1", status: "Declined"), Payment(T0.AddMinutes(5), 8_000m, "acc_x2", status: "Declined"));

        Assert.NotNull(RiskRules.LargePaymentBurst(profile, Event(Candidate(T0.AddMinutes(10), 7_000m, "acc_x3")), _options));
    }

    [Fact]
    public void LargePaymentBurst_OnlyTwoLargePayments_DoesNotFire()
    {
        var profile = Observed(Established(), Payment(T0, 6_000m, "acc_x1"));

        Assert.Null(RiskRules.LargePaymentBurst(profile, Event(Candidate(T0.AddMinutes(10), 7_000m, "acc_x3")), _options));
    }

    [Fact]
    public void LargePaymentBurst_SpreadOverHours_DoesNotFire()
    {
        var profile = Observed(Established(), Payment(T0, 6_000m, "acc_x1"), Payment(T0.AddHours(1), 8_000m, "acc_x2"));

        Assert.Null(RiskRules.LargePaymentBurst(profile, Event(Candidate(T0.AddHours(2), 7_000m, "acc_x3")), _options));
    }

    [Fact]
    public void LargePaymentBurst_SmallPaymentAfterABurst_DoesNotFire()
    {
        var profile = Observed(Established(), Payment(T0, 6_000m, "acc_x1"), Payment(T0.AddMinutes(1), 6_000m, "acc_x2"), Payment(T0.AddMinutes(2), 6_000m, "acc_x3"));

        Assert.Null(RiskRules.LargePaymentBurst(profile, Event(Candidate(T0.AddMinutes(3), 50m, "acc_usual1")), _options));
    }

    [Theory]
    [InlineData(3, 45)]
    [InlineData(4, 55)]
    [InlineData(5, 60)]
    [InlineData(9, 60)]
    public void LargePaymentBurst_LongerBursts_EscalateUpToTheCap(int payments, int expectedPoints)
    {
        var profile = Established();
        for (var i = 0; i < payments - 1; i++)
        {
            Observed(profile, Payment(T0.AddMinutes(i), 6_000m, $"acc_x{i}"));
        }

        Assert.Equal(expectedPoints, RiskRules.LargePaymentBurst(profile, Event(Candidate(T0.AddMinutes(20), 6_000m, "acc_y")), _options)!.Points);
    }

    [Fact]
    public void CardTesting_FifthTinyPaymentToSeveralPayees_Fires()
    {
        var profile = Established();
        for (var i = 0; i < 4; i++)
        {
            Observed(profile, Payment(T0.AddSeconds(i * 30), 1m, $"acc_shop{i}"));
        }

        var signal = RiskRules.CardTesting(profile, Event(Candidate(T0.AddMinutes(3), 0.5m, "acc_shop9")), _options);

        Assert.Equal(RiskReasons.CardTesting, signal?.Code);
    }

    [Fact]
    public void CardTesting_TinyPaymentsToOnePayee_DoNotFire()
    {
        var profile = Established();
        for (var i = 0; i < 6; i++)
        {
            Observed(profile, Payment(T0.AddSeconds(i * 30), 3m, "acc_metro"));
        }

        Assert.Null(RiskRules.CardTesting(profile, Event(Candidate(T0.AddMinutes(4), 3m, "acc_metro")), _options));
    }

    [Fact]
    public void CardTesting_TinyPaymentsOverAnHour_DoNotFire()
    {
        var profile = Established();
        for (var i = 0; i < 4; i++)
        {
            Observed(profile, Payment(T0.AddMinutes(i * 15), 1m, $"acc_shop{i}"));
        }

        Assert.Null(RiskRules.CardTesting(profile, Event(Candidate(T0.AddMinutes(60), 1m, "acc_shop9")), _options));
    }

    [Fact]
    public void CardTesting_OrdinaryAmount_DoesNotFire()
    {
        var profile = Established();
        for (var i = 0; i < 4; i++)
        {
            Observed(profile, Payment(T0.AddSeconds(i * 30), 1m, $"acc_shop{i}"));
        }

        Assert.Null(RiskRules.CardTesting(profile, Event(Candidate(T0.AddMinutes(3), 80m, "acc_shop9")), _options));
    }

    [Fact]
    public void NewPayeeBurst_FourthNewPayeeWithinTheHour_Fires()
    {
        var profile = Observed(Established(), Payment(T0, 300m, "acc_n1"), Payment(T0.AddMinutes(5), 300m, "acc_n2"), Payment(T0.AddMinutes(9), 300m, "acc_n3"));

        var signal = RiskRules.NewPayeeBurst(profile, Event(Candidate(T0.AddMinutes(20), 300m, "acc_n4")), _options);

        Assert.Equal(RiskReasons.NewPayeeBurst, signal?.Code);
    }

    [Fact]
    public void NewPayeeBurst_PaymentToAKnownPayee_DoesNotFire()
    {
        var profile = Observed(Established(), Payment(T0, 300m, "acc_n1"), Payment(T0.AddMinutes(5), 300m, "acc_n2"), Payment(T0.AddMinutes(9), 300m, "acc_n3"));

        Assert.Null(RiskRules.NewPayeeBurst(profile, Event(Candidate(T0.AddMinutes(20), 300m, "acc_usual2")), _options));
    }

    [Fact]
    public void NewPayeeBurst_CustomerWithoutHistory_DoesNotFire()
    {
        var profile = Observed(Payment(T0, 300m, "acc_n1"), Payment(T0.AddMinutes(5), 300m, "acc_n2"), Payment(T0.AddMinutes(9), 300m, "acc_n3"));

        Assert.Null(RiskRules.NewPayeeBurst(profile, Event(Candidate(T0.AddMinutes(20), 300m, "acc_n4")), _options));
    }

    [Fact]
    public void NewPayeeBurst_NewPayeesSpreadOverTheDay_DoNotFire()
    {
        var profile = Observed(Established(), Payment(T0, 300m, "acc_n1"), Payment(T0.AddHours(2), 300m, "acc_n2"), Payment(T0.AddHours(4), 300m, "acc_n3"));

        Assert.Null(RiskRules.NewPayeeBurst(profile, Event(Candidate(T0.AddHours(6), 300m, "acc_n4")), _options));
    }

    [Fact]
    public void NewDevice_LoginFromAnUnknownDevice_Fires()
    {
        var profile = Established();

        var signal = RiskRules.NewDevice(profile, RiskEvent.From(Login(T0, "dev_other")), _options);

        Assert.Equal(RiskReasons.NewDevice, signal?.Code);
    }

    [Fact]
    public void NewDevice_KnownDevice_DoesNotFire() =>
        Assert.Null(RiskRules.NewDevice(Established(), RiskEvent.From(Login(T0, HomeDevice)), _options));

    [Fact]
    public void NewDevice_TheVeryFirstDevice_DoesNotFire() =>
        Assert.Null(RiskRules.NewDevice(new BehaviourProfile(), RiskEvent.From(Login(T0, "dev_first")), _options));

    [Fact]
    public void NewDevice_ScoredAfterTheLoginWasObserved_StillFires()
    {
        var login = Login(T0, "dev_other");
        var profile = Observed(Established(), login);

        Assert.NotNull(RiskRules.NewDevice(profile, RiskEvent.From(login), _options));
    }

    [Fact]
    public void UnboundDevice_PaymentFromAnUnboundDevice_Fires() =>
        Assert.Equal(RiskReasons.UnboundDevice, RiskRules.UnboundDevice(Event(Candidate(T0, 50m, "acc_usual1", bound: false)), _options)?.Code);

    [Fact]
    public void UnboundDevice_BoundDevice_DoesNotFire() =>
        Assert.Null(RiskRules.UnboundDevice(Event(Candidate(T0, 50m, "acc_usual1", bound: true)), _options));

    [Fact]
    public void LoginThenPaymentNewDevice_PaymentSoonAfterANewDeviceLogin_Fires()
    {
        var profile = Observed(Established(), Login(T0, "dev_other"));

        var signal = RiskRules.LoginThenPaymentNewDevice(profile, Event(Candidate(T0.AddMinutes(10), 500m, "acc_x", device: "dev_other")), _options);

        Assert.Equal(RiskReasons.LoginThenPaymentNewDevice, signal?.Code);
    }

    [Fact]
    public void LoginThenPaymentNewDevice_LoginLongBefore_DoesNotFire()
    {
        var profile = Observed(Established(), Login(T0, "dev_other"));

        Assert.Null(RiskRules.LoginThenPaymentNewDevice(profile, Event(Candidate(T0.AddHours(3), 500m, "acc_x", device: "dev_other")), _options));
    }

    [Fact]
    public void LoginThenPaymentNewDevice_PaymentFromTheUsualDevice_DoesNotFire()
    {
        var profile = Observed(Established(), Login(T0, "dev_other"));

        Assert.Null(RiskRules.LoginThenPaymentNewDevice(profile, Event(Candidate(T0.AddMinutes(10), 500m, "acc_x", device: HomeDevice)), _options));
    }

    [Fact]
    public void ImpossibleTravel_LondonAnHourAfterShanghai_Fires()
    {
        var signal = RiskRules.ImpossibleTravel(Established(), RiskEvent.From(Login(T0, city: "London")), _options);

        Assert.Equal(RiskReasons.ImpossibleTravel, signal?.Code);
    }

    [Fact]
    public void ImpossibleTravel_BeijingFourHoursAfterShanghai_DoesNotFire() =>
        Assert.Null(RiskRules.ImpossibleTravel(Established(), RiskEvent.From(Login(T0.AddHours(3), city: "Beijing")), _options));

    [Fact]
    public void ImpossibleTravel_NeighbouringCityMinutesLater_DoesNotFire() =>
        Assert.Null(RiskRules.ImpossibleTravel(Established(), RiskEvent.From(Login(T0.AddHours(-1).AddMinutes(5), city: "Suzhou")), _options));

    [Theory]
    [InlineData("Atlantis")]
    [InlineData(null)]
    public void ImpossibleTravel_UnknownCity_IsIgnored(string? city) =>
        Assert.Null(RiskRules.ImpossibleTravel(Established(), RiskEvent.From(Login(T0, city: city)), _options));

    [Fact]
    public void ImpossibleTravel_OnAPayment_Fires() =>
        Assert.NotNull(RiskRules.ImpossibleTravel(Established(), Event(Candidate(T0, 100m, "acc_usual1", city: "Urumqi")), _options));

    [Fact]
    public void ImpossibleTravelThenPayment_PaymentAfterAnImpossibleLogin_Fires()
    {
        var profile = Observed(Established(), Login(T0, "dev_x", "Urumqi"));
        var payment = Event(Candidate(T0.AddMinutes(5), 100m, "acc_x", device: "dev_x", city: "Urumqi"));

        Assert.Equal(RiskReasons.ImpossibleTravelThenPayment, RiskRules.ImpossibleTravelThenPayment(profile, payment, _options)?.Code);
        Assert.Null(RiskRules.ImpossibleTravel(profile, payment, _options)); // the payment itself is where the login was
    }

    [Fact]
    public void ImpossibleTravelThenPayment_PaymentAfterAPlausibleLogin_DoesNotFire()
    {
        var profile = Observed(Established(), Login(T0.AddHours(5), "dev_x", "Beijing"));

        Assert.Null(RiskRules.ImpossibleTravelThenPayment(profile, Event(Candidate(T0.AddHours(5.1), 100m, "acc_x", city: "Beijing")), _options));
    }

    [Fact]
    public void AmountFarAboveHistory_FiftyTimesTheUsual_Fires() =>
        Assert.Equal(RiskReasons.AmountFarAboveHistory, RiskRules.AmountFarAboveHistory(Established(), Event(Candidate(T0, 5_000m, "acc_usual1")), _options)?.Code);

    [Fact]
    public void AmountFarAboveHistory_ThreeTimesTheUsual_DoesNotFire() =>
        Assert.Null(RiskRules.AmountFarAboveHistory(Established(), Event(Candidate(T0, 300m, "acc_usual1")), _options));

    [Fact]
    public void AmountFarAboveHistory_BelowTheMinimumAmount_DoesNotFire() =>
        Assert.Null(RiskRules.AmountFarAboveHistory(Established(), Event(Candidate(T0, 900m, "acc_usual1")), _options));

    [Fact]
    public void AmountFarAboveHistory_TooLittleHistory_DoesNotFire()
    {
        var profile = Observed(Payment(T0.AddDays(-1), 100m, "acc_a"), Payment(T0.AddDays(-1).AddHours(1), 100m, "acc_a"));

        Assert.Null(RiskRules.AmountFarAboveHistory(profile, Event(Candidate(T0, 50_000m, "acc_a")), _options));
    }

    [Fact]
    public void AmountFarAboveHistory_ThePaymentItselfIsNotItsOwnHistory()
    {
        var candidate = Candidate(T0, 5_000m, "acc_usual1");
        var profile = Observed(Established(), ToActivity(candidate));

        Assert.NotNull(RiskRules.AmountFarAboveHistory(profile, RiskEvent.From(ToActivity(candidate)), _options));
    }

    [Fact]
    public void Evaluate_OrdinaryPayment_FiresNothing() =>
        Assert.Empty(RiskRules.Evaluate(Established(), Event(Candidate(T0, 90m, "acc_usual3")), _options));
}
