using Orleans.Fin.Credit.Domain;
using Orleans.Fin.Credit.Model;

namespace Orleans.Fin.UnitTests.Credit;

/// <summary>
/// The models shipped in grains/Credit/Data are what today's code trains from today's data: when the features,
/// the pipeline or the data change, these fail until tests/Orleans.Fin.CreditTraining --write-models
/// grains/Credit/Data is run again.
/// </summary>
public sealed class CreditModelStoreTests
{
    [Fact]
    public void LoadEmbedded_Registry_RecordsTheEmbeddedData()
    {
        var registry = CreditSamples.Models.Registry;

        Assert.Equal(EmbeddedCreditData.Sha256(), registry.DataSha256);
        Assert.Equal(CreditSamples.Data.Report.Rows, registry.DataQuality.Rows);
        Assert.Equal(CreditSamples.Data.Report.Defaults, registry.DataQuality.Defaults);
    }

    [Fact]
    public void LoadEmbedded_ChampionAndChallenger_AreRankedByValidationAuc()
    {
        var models = CreditSamples.Models;

        Assert.NotNull(models.Challenger);
        Assert.Equal(CreditModelRole.Champion, models.Champion.Role);
        Assert.Equal(CreditModelRole.Challenger, models.Challenger.Role);
        Assert.True(models.Champion.Metrics.Auc >= models.Challenger.Metrics.Auc);
        Assert.Equal(
            [CreditModelTrainer.FastTreeVersion, CreditModelTrainer.LogisticRegressionVersion],
            models.Models.Select(m => m.Version).Order(StringComparer.Ordinal));
        Assert.All(models.Models, m => Assert.True(m.Metrics.Auc >= 0.83, $"{m.Version} AUC {m.Metrics.Auc:F4}"));
    }

    [Theory]
    [InlineData(CreditModelKind.LogisticRegression)]
    [InlineData(CreditModelKind.FastTree)]
    public void LoadEmbedded_EachModel_PredictsWhatAFreshFitOfTodaysCodePredicts(CreditModelKind kind)
    {
        var shipped = CreditSamples.Models.Models.Single(m => m.Kind == kind);
        var records = CreditSamples.Data.Records;

        var fresh = CreditModelTrainer.Fit(kind, records, CreditSamples.Models.Registry.Seed, shipped.Metrics);

        Assert.Equal(fresh.SlotNames, shipped.SlotNames);
        Assert.Equal(fresh.Imputation, shipped.Imputation);
        var shippedScorer = new CreditScorer(shipped);
        var freshScorer = new CreditScorer(fresh);
        foreach (var record in records.Where((_, i) => i % 17 == 0))
        {
            var a = shippedScorer.Score(record.Application);
            var b = freshScorer.Score(record.Application);
            Assert.Equal(b.ProbabilityOfDefault, a.ProbabilityOfDefault, 5);
            Assert.Equal(b.Reasons, a.Reasons);
        }
    }

    [Fact]
    public void SaveThenLoad_TrainedModels_PredictTheSame()
    {
        var options = new CreditTrainingOptions { Folds = 2 };
        var result = CreditModelTrainer.Train(CreditSamples.Data, options);
        var directory = Directory.CreateTempSubdirectory("credit-models-").FullName;
        try
        {
            CreditModelStore.Save(result, options, "sha", directory);
            var loaded = CreditModelStore.Load(directory);

            Assert.Equal(result.Champion.Version, loaded.Champion.Version);
            Assert.Equal(result.Champion.Metrics.Auc, loaded.Champion.Metrics.Auc);
            Assert.Equal(result.Challenger!.Card.Coefficients, loaded.Challenger!.Card.Coefficients);
            var application = CreditSamples.Steady();
            Assert.Equal(new CreditScorer(result.Champion).Score(application), new CreditScorer(loaded.Champion).Score(application), new AssessmentComparer());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed class AssessmentComparer : IEqualityComparer<CreditAssessment>
    {
        public bool Equals(CreditAssessment? x, CreditAssessment? y) =>
            x is not null && y is not null && x.ProbabilityOfDefault == y.ProbabilityOfDefault && x.CreditScore == y.CreditScore
            && x.ModelVersion == y.ModelVersion && x.Reasons.SequenceEqual(y.Reasons);

        public int GetHashCode(CreditAssessment obj) => obj.CreditScore;
    }
}
