using Orleans.Fin.Credit.Domain;
using Orleans.Fin.Credit.Model;

namespace Orleans.Fin.UnitTests.Credit;

public sealed class CreditScorerTests
{
    private static readonly CreditScorer Champion = new(CreditSamples.Models.Champion);
    private static readonly CreditScorer Logistic = new(CreditSamples.Models.Models.Single(m => m.Kind == CreditModelKind.LogisticRegression));

    public static TheoryData<string> Scorers => ["champion", "logistic"];

    private static CreditScorer Pick(string name) => name == "champion" ? Champion : Logistic;

    [Theory]
    [MemberData(nameof(Scorers))]
    public void Score_Application_GivesPdScoreOnTheScaleAndTheModelVersion(string scorer)
    {
        var model = Pick(scorer);

        var assessment = model.Score(CreditSamples.Steady());

        Assert.InRange(assessment.ProbabilityOfDefault, 0.0, 1.0);
        Assert.Equal(CreditScoreScale.Default.Score(assessment.ProbabilityOfDefault), assessment.CreditScore);
        Assert.Equal(model.Champion.Version, assessment.ModelVersion);
    }

    [Theory]
    [MemberData(nameof(Scorers))]
    public void Score_PastDefaultRecords_RaisePdAndAreAmongTheTopReasons(string scorer)
    {
        var model = Pick(scorer);
        var clean = model.Score(CreditSamples.Steady());

        var records = model.Score(CreditSamples.Steady() with { Records = true });

        Assert.True(records.ProbabilityOfDefault > clean.ProbabilityOfDefault);
        Assert.True(records.CreditScore < clean.CreditScore);
        Assert.Contains(CreditReasonCodes.PastDefaultRecords, records.Reasons.Take(3));
        Assert.DoesNotContain(CreditReasonCodes.PastDefaultRecords, clean.Reasons);
    }

    [Theory]
    [MemberData(nameof(Scorers))]
    public void Score_EveryRecordWithPastDefaults_NamesThemAmongTheTopFourReasonsMostOfTheTime(string scorer)
    {
        var model = Pick(scorer);
        var withRecords = CreditSamples.Data.Records.Where(r => r.Application.Records).ToList();

        var named = withRecords.Count(r => model.Score(r.Application).Reasons.Contains(CreditReasonCodes.PastDefaultRecords));

        Assert.True(named >= withRecords.Count * 0.9, $"{named} of {withRecords.Count}");
    }

    [Fact]
    public void Score_ShortEmploymentAndNoAssets_NamesThem()
    {
        var assessment = Logistic.Score(CreditSamples.Steady() with { Seniority = 0, Assets = 0m, Debt = 4000m, Home = "rent" });

        Assert.Contains(CreditReasonCodes.ShortEmployment, assessment.Reasons);
        Assert.Contains(CreditReasonCodes.LowAssets, assessment.Reasons);
    }

    [Theory]
    [MemberData(nameof(Scorers))]
    public void Score_UnknownFields_StillScores(string scorer)
    {
        var assessment = Pick(scorer).Score(CreditSamples.Steady() with { Home = null, MaritalStatus = null, Job = null, Income = null, Assets = null, Debt = null });

        Assert.InRange(assessment.ProbabilityOfDefault, 0.0, 1.0);
        Assert.InRange(assessment.Reasons.Count, 0, 4);
    }

    [Fact]
    public void Score_MaxReasons_LimitsTheReasons()
    {
        var assessment = Champion.Score(CreditSamples.Steady() with { Records = true, Seniority = 0 }, maxReasons: 2);

        Assert.Equal(2, assessment.Reasons.Count);
    }

    [Fact]
    public void Score_ManyThreadsAtOnce_GiveTheSameAnswerAsOne()
    {
        var applications = CreditSamples.Data.Records.Take(200).Select(r => r.Application).ToArray();
        var expected = applications.Select(a => Champion.Score(a).ProbabilityOfDefault).ToArray();
        var actual = new double[applications.Length * 10];

        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Champion.Score(applications[i % applications.Length]).ProbabilityOfDefault);

        Assert.All(Enumerable.Range(0, actual.Length), i => Assert.Equal(expected[i % applications.Length], actual[i]));
    }

    [Fact]
    public void FromEmbeddedModels_CalledTwice_ReturnsTheSameScorerWithTheChampion()
    {
        var scorer = CreditScorer.FromEmbeddedModels();

        Assert.Same(scorer, CreditScorer.FromEmbeddedModels());
        Assert.Equal(CreditSamples.Models.Champion.Version, scorer.Champion.Version);
        Assert.Equal(2, scorer.Models.Count);
    }
}
