using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.Risk.Model;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk;

public sealed class RiskScorerTests
{
    private static readonly RiskScorer RulesOnly = new(new RiskOptions(), null);

    private static RiskScorer WithModel => new(new RiskOptions(), EmbeddedFraudModel.Model);

    [Fact]
    public void ScorePayment_UsualPayment_IsLowWithoutReasons()
    {
        var verdict = WithModel.ScorePayment(Established(), Candidate(T0, 90m, "acc_usual1"));

        Assert.Equal(RiskLevel.Low, verdict.Level);
        Assert.Empty(verdict.Reasons);
        Assert.InRange(verdict.Score, 0, 10);
        Assert.Equal("fraud-ft-1.42", verdict.ModelVersion);
        Assert.NotNull(verdict.ModelProbability);
    }

    [Fact]
    public void ScorePayment_WithoutModel_IsRulesOnly()
    {
        var verdict = RulesOnly.ScorePayment(Established(), Candidate(T0, 90m, "acc_usual1"));

        Assert.Equal(0, verdict.Score);
        Assert.Null(verdict.ModelProbability);
        Assert.Equal(RiskScorer.RulesOnlyVersion, verdict.ModelVersion);
    }

    [Fact]
    public void ScorePayment_UnboundDevice_IsAtLeastMedium()
    {
        var options = new RiskOptions { UnboundDevicePoints = 5 };

        var verdict = new RiskScorer(options, EmbeddedFraudModel.Model).ScorePayment(Established(), Candidate(T0, 90m, "acc_usual1", bound: false));

        Assert.Equal(RiskLevel.Medium, verdict.Level);
        Assert.Equal(options.MediumThreshold, verdict.Score);
        Assert.Contains(RiskReasons.UnboundDevice, verdict.Reasons);
    }

    [Fact]
    public void ScorePayment_TwoSignals_CombineAsNoisyOr()
    {
        var profile = Observed(Established(), Login(T0, "dev_other"));

        // LOGIN_THEN_PAYMENT_NEW_DEVICE (35) and AMOUNT_FAR_ABOVE_HISTORY (25): 100 * (1 - 0.65 * 0.75) = 51.25.
        var verdict = RulesOnly.ScorePayment(profile, Candidate(T0.AddMinutes(5), 5_000m, "acc_usual1", device: "dev_other"));

        Assert.Equal(51, verdict.Score);
        Assert.Equal([RiskReasons.LoginThenPaymentNewDevice, RiskReasons.AmountFarAboveHistory], verdict.Reasons);
    }

    [Fact]
    public void ScorePayment_SignalsOfOneGroup_CountOnce()
    {
        var profile = Observed(Established(), Login(T0, "dev_other"));

        // UNBOUND_DEVICE (30) and LOGIN_THEN_PAYMENT_NEW_DEVICE (35) both describe the device: 35, floored to Medium.
        var verdict = RulesOnly.ScorePayment(profile, Candidate(T0.AddMinutes(5), 90m, "acc_usual1", device: "dev_other", bound: false));

        Assert.Equal(40, verdict.Score);
        Assert.Equal(2, verdict.Reasons.Count);
    }

    [Theory]
    [InlineData(0, RiskLevel.Low)]
    [InlineData(39, RiskLevel.Low)]
    [InlineData(40, RiskLevel.Medium)]
    [InlineData(69, RiskLevel.Medium)]
    [InlineData(70, RiskLevel.High)]
    [InlineData(100, RiskLevel.High)]
    public void LevelOf_DefaultThresholds(int score, RiskLevel expected) => Assert.Equal(expected, RulesOnly.LevelOf(score));

    [Fact]
    public void ScoreActivity_ConfiguredThresholds_DecideTheLevel()
    {
        var login = Login(T0, "dev_other");
        var profile = Observed(Established(), login);

        Assert.Equal(RiskLevel.Low, RulesOnly.ScoreActivity(profile, login).Level); // NEW_DEVICE: 25
        Assert.Equal(RiskLevel.Medium, new RiskScorer(new RiskOptions { MediumThreshold = 20, HighThreshold = 60 }, null).ScoreActivity(profile, login).Level);
        Assert.Equal(RiskLevel.High, new RiskScorer(new RiskOptions { MediumThreshold = 10, HighThreshold = 25 }, null).ScoreActivity(profile, login).Level);
    }

    [Fact]
    public void ScoreActivity_SignalsOfEqualPoints_KeepTheOrderTheRulesRanIn()
    {
        var login = Login(T0, "dev_other", "London");
        var profile = Observed(Established(), login);

        var verdict = new RiskScorer(new RiskOptions { ImpossibleTravelPoints = 25 }, null).ScoreActivity(profile, login);

        Assert.Equal([RiskReasons.NewDevice, RiskReasons.ImpossibleTravel], verdict.Reasons);
    }

    [Fact]
    public void ScoreActivity_LoginFromNewDeviceFarAway_IsMediumNotHigh()
    {
        var login = Login(T0, "dev_other", "London");
        var profile = Observed(Established(), login);

        var verdict = WithModel.ScoreActivity(profile, login);

        Assert.Equal(RiskLevel.Medium, verdict.Level);
        Assert.Equal([RiskReasons.ImpossibleTravel, RiskReasons.NewDevice], verdict.Reasons);
        Assert.Null(verdict.ModelProbability); // the model scores payments only
    }

    [Fact]
    public void ScoreActivity_Inflow_IsLow() =>
        Assert.Equal(0, WithModel.ScoreActivity(Established(), Inflow(T0, 50_000m)).Score);

    [Theory]
    [InlineData("Urumqi")]
    [InlineData("Shanghai")]
    public void AccountTakeover_NewDeviceThenBurstOfLargePayments_ReachesHighOnRulesAlone(string attackerCity)
    {
        var verdicts = AccountTakeover(RulesOnly, attackerCity);

        Assert.Equal(RiskLevel.High, verdicts[^1].Level);
        Assert.Contains(RiskReasons.LargePaymentBurst, verdicts[^1].Reasons);
        Assert.All(verdicts.Skip(1), v => Assert.NotEqual(RiskLevel.Low, v.Level));
    }

    [Fact]
    public void AccountTakeover_WithTheModel_IsHighFromTheFirstPayment()
    {
        var verdicts = AccountTakeover(WithModel, "Urumqi");

        Assert.Equal(RiskLevel.High, verdicts[1].Level);
        Assert.Contains(RiskReasons.ModelHigh, verdicts[1].Reasons);
        Assert.Contains(RiskReasons.ImpossibleTravelThenPayment, verdicts[1].Reasons);
    }

    [Fact]
    public void CardTesting_RapidTinyPayments_ReachHigh()
    {
        var profile = Established();
        var levels = new List<RiskLevel>();
        for (var i = 0; i < 10; i++)
        {
            var candidate = Candidate(T0.AddSeconds(i * 30), 1m, $"acc_shop{i}");
            levels.Add(RulesOnly.ScorePayment(profile, candidate).Level);
            BehaviourTracker.Observe(profile, ToActivity(candidate));
        }

        Assert.Equal(RiskLevel.Low, levels[0]);
        Assert.Equal(RiskLevel.High, levels[^1]);
    }

    [Fact]
    public void SimulatedFraud_WithTheModel_ReachesHighForEveryPatternButScams()
    {
        var simulator = new TransactionSimulator(new SimulationOptions { Seed = 99, Customers = 50 });
        foreach (var pattern in new[] { FraudPatterns.AccountTakeover, FraudPatterns.CardTesting, FraudPatterns.Mule })
        {
            var reached = Enumerable.Range(0, 5).Count(i => Replay(WithModel, simulator.CustomerWith(i, pattern)).Any(v => v.Fraud && v.Verdict.Level == RiskLevel.High));

            Assert.True(reached >= 4, $"{pattern}: {reached} of 5 incidents reached High");
        }
    }

    [Fact]
    public void OrdinaryCustomers_AMonthOfActivity_NeverReachesHigh()
    {
        // Customers the model never saw (another seed), each event scored inline and again from the stream.
        var simulator = new TransactionSimulator(new SimulationOptions { Seed = 2025, Customers = 60 });
        var scorer = WithModel;
        var scored = 0;
        for (var i = 0; i < 60; i++)
        {
            var customer = simulator.OrdinaryCustomer(i);
            var verdicts = Replay(scorer, customer);
            var high = verdicts.FirstOrDefault(v => v.Verdict.Level == RiskLevel.High);

            Assert.True(high.Verdict is null, $"{customer.CustomerId}: {high.Verdict?.Score} {string.Join(",", high.Verdict?.Reasons ?? [])}");
            scored += verdicts.Count;
        }

        Assert.True(scored > 60 * 150, $"{scored} verdicts");
    }

    [Fact]
    public void ScoreActivity_AfterObserve_AgreesWithTheInlineVerdict()
    {
        var simulator = new TransactionSimulator(new SimulationOptions { Seed = 31, Customers = 20, FraudCustomerShare = 0.5 });
        var scorer = WithModel;
        foreach (var customer in simulator.Customers())
        {
            var profile = new BehaviourProfile();
            foreach (var e in customer.Events)
            {
                // Stream events say neither whether nor since when the device is bound: compare payments from devices bound long ago.
                var inline = e.Candidate is { DeviceBound: true, DeviceBoundAt: null } c && !BehaviourTracker.HasSeen(profile, e.Activity.EventId)
                    ? scorer.ScorePayment(profile, c)
                    : null;
                BehaviourTracker.Observe(profile, e.Activity);
                if (inline is not null)
                {
                    var streamed = scorer.ScoreActivity(profile, e.Activity);
                    Assert.Equal(inline.Score, streamed.Score);
                    Assert.Equal(inline.Reasons, streamed.Reasons);
                }
            }
        }
    }

    [Fact]
    public void ScorePayment_AfterARedeliveredEvent_IsAsIfDeliveredOnce()
    {
        var large = Payment(T0, 6_000m, "acc_x1");
        var once = Observed(Established(), large, Payment(T0.AddMinutes(1), 6_000m, "acc_x2"));
        var twice = Observed(Established(), large, large, Payment(T0.AddMinutes(1), 6_000m, "acc_x2"), large);
        var next = Candidate(T0.AddMinutes(2), 6_000m, "acc_x3");

        Assert.Equal(RulesOnly.ScorePayment(once, next), RulesOnly.ScorePayment(twice, next), new VerdictComparer());
        Assert.Equal(RiskReasons.LargePaymentBurst, RulesOnly.ScorePayment(twice, next).Reasons[0]);
        Assert.Equal(45, RiskRules.LargePaymentBurst(twice, RiskEvent.From(next), new RiskOptions())!.Points); // three, not four or five
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws() =>
        Assert.Throws<ArgumentException>(() => new RiskScorer(new RiskOptions { MediumThreshold = 80, HighThreshold = 70 }, null));

    [Fact]
    public void Validate_Defaults_HaveNoProblems() => Assert.Empty(new RiskOptions().Validate());

    [Fact]
    public void Validate_WindowLongerThanTheProfileKeeps_IsAProblem() =>
        Assert.Single(new RiskOptions { LargeBurstWindow = TimeSpan.FromDays(2) }.Validate());

    /// <summary>An attacker logs in from a new device, then pays 8,000 CNY to a new mule account every 3 minutes.</summary>
    private static List<RiskVerdict> AccountTakeover(RiskScorer scorer, string city)
    {
        var profile = Established();
        var login = Login(T0, "dev_attacker", city);
        BehaviourTracker.Observe(profile, login);
        List<RiskVerdict> verdicts = [scorer.ScoreActivity(profile, login)];
        for (var i = 0; i < 3; i++)
        {
            var candidate = Candidate(T0.AddMinutes(5 + (3 * i)), 8_000m, $"acc_mule{i}", device: "dev_attacker", bound: false, city: city);
            var verdict = scorer.ScorePayment(profile, candidate);
            verdicts.Add(verdict);
            BehaviourTracker.Observe(profile, ToActivity(candidate, verdict.Level == RiskLevel.High ? "Declined" : "Completed"));
        }

        return verdicts;
    }

    /// <summary>Runs a simulated customer as the risk grain would: inline before each payment, then again from the stream.</summary>
    private static List<(bool Fraud, RiskVerdict Verdict)> Replay(RiskScorer scorer, SimulatedCustomer customer)
    {
        var profile = new BehaviourProfile();
        List<(bool, RiskVerdict)> verdicts = [];
        foreach (var e in customer.Events)
        {
            if (e.Candidate is { } candidate && !BehaviourTracker.HasSeen(profile, e.Activity.EventId))
            {
                verdicts.Add((e.IsFraud, scorer.ScorePayment(profile, candidate)));
            }

            if (BehaviourTracker.Observe(profile, e.Activity) && e.Activity.Kind != ActivityKind.PaymentIn)
            {
                verdicts.Add((e.IsFraud, scorer.ScoreActivity(profile, e.Activity)));
            }
        }

        return verdicts;
    }

    private sealed class VerdictComparer : IEqualityComparer<RiskVerdict>
    {
        public bool Equals(RiskVerdict? x, RiskVerdict? y) =>
            x is not null && y is not null && x.Score == y.Score && x.Level == y.Level && x.Reasons.SequenceEqual(y.Reasons) && x.ModelVersion == y.ModelVersion;

        public int GetHashCode(RiskVerdict obj) => obj.Score;
    }
}
