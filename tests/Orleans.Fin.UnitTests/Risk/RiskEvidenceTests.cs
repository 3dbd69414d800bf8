using Orleans.Fin.Risk.Domain;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk;

public sealed class RiskEvidenceTests
{
    private static BehaviourProfile LoginFromAnotherPhone() => Observed(Established(), Login(T0, "dev_other"));

    private static PaymentCandidate LargeFromThatPhone() => Candidate(T0.AddMinutes(5), 5_000m, "acc_usual1", device: "dev_other");

    [Fact]
    public void Judge_TheChampionsEvidence_GivesTheRulesOnlyBaselineItsOwnVerdict()
    {
        var options = new RiskOptions();
        var profile = LoginFromAnotherPhone();
        var evidence = new RiskScorer(options, EmbeddedFraudModel.Model).GatherPayment(profile, LargeFromThatPhone());

        var verdict = new RiskScorer(options, null).Judge(profile, evidence).Verdict;

        // LOGIN_THEN_PAYMENT_NEW_DEVICE (35) and AMOUNT_FAR_ABOVE_HISTORY (25): 100 * (1 - 0.65 * 0.75) = 51.25; no model.
        Assert.Equal(51, verdict.Score);
        Assert.Equal([RiskReasons.LoginThenPaymentNewDevice, RiskReasons.AmountFarAboveHistory], verdict.Reasons);
        Assert.Null(verdict.ModelProbability);
        Assert.Equal(RiskScorer.RulesOnlyVersion, verdict.ModelVersion);
    }

    [Fact]
    public void Judge_AnotherModelOnTheSameEvidence_ReadsTheSameFeatures()
    {
        var options = new RiskOptions();
        var profile = LoginFromAnotherPhone();
        var champion = new RiskScorer(options, EmbeddedFraudModel.Model);
        var evidence = champion.GatherPayment(profile, LargeFromThatPhone());

        var challenger = new RiskScorer(options, EmbeddedFraudModel.Model).Judge(profile, evidence);

        Assert.Same(evidence.Features, challenger.Features);
        Assert.Equal(champion.AssessPayment(profile, LargeFromThatPhone()).Verdict.ModelProbability, challenger.Verdict.ModelProbability);
    }

    [Fact]
    public void Judge_EvidenceGatheredUnderOtherOptions_RunsTheRulesAgain()
    {
        var profile = LoginFromAnotherPhone();
        var evidence = new RiskScorer(new RiskOptions(), null).GatherPayment(profile, LargeFromThatPhone());

        var verdict = new RiskScorer(new RiskOptions { LoginThenPaymentPoints = 15 }, null).Judge(profile, evidence).Verdict;

        // 100 * (1 - 0.85 * 0.75) = 36.25 with this scorer's 15 points, not the 51 of the evidence's options.
        Assert.Equal(36, verdict.Score);
    }
}
