using Orleans.Fin.Credit.Domain;
using Orleans.Fin.Credit.Model;

namespace Orleans.Fin.UnitTests.Credit;

/// <summary>Real ML.NET training on the embedded data, kept small: 3 folds, logistic regression unless stated.</summary>
public sealed class CreditTrainingTests
{
    private static readonly CreditTrainingOptions Small = new() { Folds = 3, TrainChallenger = false };

    [Fact]
    public void CrossValidate_LogisticRegression_ReachesAucOfAtLeast080()
    {
        var metrics = CreditModelTrainer.CrossValidate(CreditModelKind.LogisticRegression, CreditSamples.Data.Records, Small);

        Assert.True(metrics.Auc >= 0.80, $"AUC {metrics.Auc:F4}");
        Assert.InRange(metrics.Ks, 0.4, 1.0);
        Assert.InRange(metrics.Brier, 0.0, 0.2);
        Assert.Equal(3340, metrics.Records);
        Assert.Equal(10, metrics.Calibration.Count);
    }

    [Fact]
    public void CrossValidate_FastTree_ReachesAucOfAtLeast080()
    {
        var metrics = CreditModelTrainer.CrossValidate(CreditModelKind.FastTree, CreditSamples.Data.Records, Small);

        Assert.True(metrics.Auc >= 0.80, $"AUC {metrics.Auc:F4}");
    }

    [Fact]
    public void CrossValidate_LogisticRegression_IsCalibratedWithinTenPointsPerDecile()
    {
        var metrics = CreditModelTrainer.CrossValidate(CreditModelKind.LogisticRegression, CreditSamples.Data.Records, Small);

        Assert.All(metrics.Calibration, bin => Assert.InRange(bin.MeanPredictedPd - bin.ObservedDefaultRate, -0.10, 0.10));
        Assert.True(metrics.Calibration[^1].ObservedDefaultRate > metrics.Calibration[0].ObservedDefaultRate + 0.5);
    }

    [Fact]
    public void Train_FewerThan95PercentValid_Refuses()
    {
        var table = EmbeddedCreditData.Load();
        var corrupted = table with
        {
            Rows = table.Rows.Select((row, i) => i % 16 == 0 ? row with { Fields = ["unknown", .. row.Fields.Skip(1)] } : row).ToList(),
        };
        var cleaned = CreditDataCleaning.Clean(corrupted);

        var refusal = Assert.Throws<CreditDataQualityException>(() => CreditModelTrainer.Train(cleaned, Small));

        Assert.Equal(209, cleaned.Report.InvalidReasons["Status"]);
        Assert.True(cleaned.Report.ValidShare < 0.95);
        Assert.Same(cleaned.Report, refusal.Report);
    }

    [Fact]
    public void Train_AtLeast95PercentValid_Trains()
    {
        var table = EmbeddedCreditData.Load();
        var damaged = table with
        {
            Rows = table.Rows.Select((row, i) => i % 25 == 0 ? row with { Fields = row.Fields.Take(5).ToArray() } : row).ToList(),
        };
        var cleaned = CreditDataCleaning.Clean(damaged);

        var result = CreditModelTrainer.Train(cleaned, Small with { Folds = 2 });

        Assert.Equal(134, cleaned.Report.MalformedRows);
        Assert.InRange(cleaned.Report.ValidShare, 0.95, 0.97);
        Assert.Equal(CreditModelTrainer.LogisticRegressionVersion, result.Champion.Version);
        Assert.Equal(CreditModelRole.Champion, result.Champion.Role);
        Assert.Null(result.Challenger);
    }
}
