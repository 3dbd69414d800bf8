using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Domain;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk.Policies;

public sealed class PassThroughPolicyTests
{
    private readonly RiskOptions _options = new();

    private static BehaviourProfile WithInflows(params (int Minutes, decimal Amount, string From)[] inflows) =>
        Observed(Established(), [.. inflows.Select(i => Inflow(T0.AddMinutes(i.Minutes), i.Amount, i.From))]);

    private RiskSignal? Evaluate(BehaviourProfile profile, PaymentCandidate candidate) =>
        PassThroughPolicy.Evaluate(profile, RiskEvent.From(candidate), _options);

    [Fact]
    public void Evaluate_ThreeNewSendersThenMostOfItOut_Fires()
    {
        var profile = WithInflows((0, 3_000m, "acc_s1"), (5, 4_000m, "acc_s2"), (9, 5_000m, "acc_s3"));

        var signal = Evaluate(profile, Candidate(T0.AddMinutes(20), 11_500m, "acc_out"));

        Assert.Equal(RiskReasons.PassThrough, signal?.Code);
        Assert.Equal(75, signal!.Points);
    }

    [Fact]
    public void Evaluate_OutInSeveralPayments_FiresWhenTheShareIsReached()
    {
        var profile = WithInflows((0, 3_000m, "acc_s1"), (5, 4_000m, "acc_s2"), (9, 5_000m, "acc_s3"));
        Observed(profile, Payment(T0.AddMinutes(15), 4_000m, "acc_out1"));

        Assert.Null(Evaluate(profile, Candidate(T0.AddMinutes(16), 3_000m, "acc_out2")));
        Assert.NotNull(Evaluate(profile, Candidate(T0.AddMinutes(16), 3_200m, "acc_out2")));
    }

    [Fact]
    public void Evaluate_TwoSenders_DoesNotFire()
    {
        var profile = WithInflows((0, 6_000m, "acc_s1"), (5, 6_000m, "acc_s2"));

        Assert.Null(Evaluate(profile, Candidate(T0.AddMinutes(20), 12_000m, "acc_out")));
    }

    [Fact]
    public void Evaluate_SendersTheCustomerPaysToo_DoNotCount()
    {
        var profile = WithInflows((0, 3_000m, "acc_usual1"), (5, 4_000m, "acc_usual2"), (9, 5_000m, "acc_s3"));

        Assert.Null(Evaluate(profile, Candidate(T0.AddMinutes(20), 11_500m, "acc_out")));
    }

    [Fact]
    public void Evaluate_SmallCollection_DoesNotFire()
    {
        var profile = WithInflows((0, 1_000m, "acc_s1"), (5, 1_000m, "acc_s2"), (9, 1_000m, "acc_s3"));

        Assert.Null(Evaluate(profile, Candidate(T0.AddMinutes(20), 3_000m, "acc_out")));
    }

    [Fact]
    public void Evaluate_PaidOutTheNextDay_DoesNotFire()
    {
        var profile = WithInflows((0, 3_000m, "acc_s1"), (5, 4_000m, "acc_s2"), (9, 5_000m, "acc_s3"));

        Assert.Null(Evaluate(profile, Candidate(T0.AddHours(7), 11_500m, "acc_venue")));
    }

    [Fact]
    public void Evaluate_PaymentAtTheMinimumShareOfTheMinimumCollection_FiresAndACentLessDoesNot()
    {
        // 5,000 in from three new senders (the minimum collection), 2,000 already out; 1,250 is a quarter of it and takes
        // what went out to 3,250, past 60%. A cent less is below a quarter of any collection that could count.
        var profile = WithInflows((0, 1_000m, "acc_s1"), (5, 1_500m, "acc_s2"), (9, 2_500m, "acc_s3"));
        Observed(profile, Payment(T0.AddMinutes(12), 2_000m, "acc_out1"));

        Assert.NotNull(Evaluate(profile, Candidate(T0.AddMinutes(20), 1_250m, "acc_out2")));
        Assert.Null(Evaluate(profile, Candidate(T0.AddMinutes(20), 1_249.99m, "acc_out2")));
    }

    [Fact]
    public void ScorePayment_PassThroughAlone_IsHigh()
    {
        var profile = WithInflows((0, 3_000m, "acc_s1"), (5, 4_000m, "acc_s2"), (9, 5_000m, "acc_s3"));

        var verdict = new RiskScorer(_options, model: null).ScorePayment(profile, Candidate(T0.AddMinutes(20), 11_500m, "acc_usual1"));

        Assert.Equal(RiskLevel.High, verdict.Level);
        Assert.Contains(RiskReasons.PassThrough, verdict.Reasons);
    }
}
