using System.Text;
using System.Text.Json;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.UnitTests.Risk;

public sealed class FraudModelTests(SmallFraudModel small) : IClassFixture<SmallFraudModel>
{
    [Fact]
    public void Train_OnTheSimulator_SeparatesFraudOnHeldOutCustomers()
    {
        var metrics = small.Model.Metrics;

        Assert.True(metrics.Auc >= 0.95, $"held-out AUC {metrics.Auc:F4}");
        Assert.True(metrics.Recall >= 0.7, $"recall {metrics.Recall:F3}");
        Assert.True(metrics.Precision >= 0.7, $"precision {metrics.Precision:F3}");
        Assert.True(metrics.FalsePositiveRate <= 0.01, $"false-positive rate {metrics.FalsePositiveRate:P3}");
        Assert.True(metrics.TestPositives > 20 && metrics.TrainPositives > 50, $"{metrics.TrainPositives} / {metrics.TestPositives} fraud payments");
    }

    [Fact]
    public void Train_SplitsByCustomer()
    {
        var metrics = small.Model.Metrics;

        Assert.Equal(small.Rows.Count, metrics.TrainRows + metrics.ValidationRows + metrics.TestRows);
        Assert.Equal(small.Rows.Count(r => FraudTrainingSet.Bucket(r.CustomerId) is 0 or 1), metrics.TestRows);
    }

    [Fact]
    public void Auc_ByRanks_MatchesTheEvaluator()
    {
        var test = small.Rows.Where(r => FraudTrainingSet.Bucket(r.CustomerId) is 0 or 1).ToList();

        var auc = FraudModelTrainer.Auc(test.Select(small.Model.Predict).ToList(), test.Select(r => r.Label).ToList());

        Assert.Equal(small.Model.Metrics.Auc, auc, 3);
    }

    [Fact]
    public void Auc_PerfectAndRandomScores_AreOneAndAHalf()
    {
        Assert.Equal(1.0, FraudModelTrainer.Auc([0.1f, 0.2f, 0.8f, 0.9f], [false, false, true, true]));
        Assert.Equal(0.5, FraudModelTrainer.Auc([0.5f, 0.5f, 0.5f, 0.5f], [false, true, false, true]));
    }

    [Fact]
    public void Train_SameSeed_SamePredictions()
    {
        var rows = FraudTrainingSet.Build(new TransactionSimulator(new SimulationOptions { Seed = 9, Customers = 120, FraudCustomerShare = 0.4 }).Customers());
        var options = new FraudTrainingOptions { Seed = 9, Trees = 10 };

        var first = FraudModelTrainer.Train(rows, options);
        var second = FraudModelTrainer.Train(rows, options);

        Assert.Equal(rows.Take(300).Select(first.Predict), rows.Take(300).Select(second.Predict));
        Assert.Equal("fraud-ft-1.9", first.Version);
    }

    [Fact]
    public void VersionOf_NamesLearnerGenerationAndSeed()
    {
        Assert.Equal("fraud-ff-1.7", FraudModelTrainer.VersionOf(new FraudTrainingOptions { Algorithm = FraudTrainingOptions.FastForest, Seed = 7 }));
        Assert.Equal("fraud-ft-1.42", FraudModelTrainer.VersionOf(new FraudTrainingOptions()));
    }

    [Fact]
    public void SaveThenLoad_GivesTheSamePredictions()
    {
        using var stream = new MemoryStream();
        small.Model.Save(stream);
        stream.Position = 0;

        var loaded = FraudModel.Load(stream, small.Model.Version, small.Model.Metrics);

        Assert.Equal(small.Rows.Take(200).Select(small.Model.Predict), small.Rows.Take(200).Select(loaded.Predict));
    }

    [Fact]
    public void Predict_FromManyThreads_MatchesOneThread()
    {
        var rows = small.Rows.Take(2_000).ToList();
        var expected = rows.Select(small.Model.Predict).ToArray();
        var actual = new float[rows.Count];

        Parallel.For(0, rows.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i % rows.Count] = small.Model.Predict(rows[i % rows.Count]));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Predict_IsAProbability() =>
        Assert.All(small.Rows.Take(500).Select(small.Model.Predict), p => Assert.InRange(p, 0f, 1f));

    [Fact]
    public void Embedded_LoadsWithItsVersionAndMetrics()
    {
        var model = EmbeddedFraudModel.Model;

        Assert.Equal("fraud-ft-1.42", model.Version);
        Assert.True(model.Metrics.Auc >= 0.95, $"recorded AUC {model.Metrics.Auc}");
    }

    [Fact]
    public void Embedded_OnFreshSimulatedCustomers_StillSeparatesFraud()
    {
        // Catches a shipped model that no longer matches the feature code (train/serve skew): retrain it if this fails.
        var rows = FraudTrainingSet.Build(new TransactionSimulator(new SimulationOptions { Seed = 2024, Customers = 300, FraudCustomerShare = 0.3 }).Customers());

        var auc = FraudModelTrainer.Auc(rows.Select(EmbeddedFraudModel.Model.Predict).ToList(), rows.Select(r => r.Label).ToList());

        Assert.True(auc >= 0.95, $"AUC {auc:F4} on unseen simulated customers");
    }

    [Fact]
    public void Load_ModelOfOtherFeatures_IsRefused()
    {
        using var model = new MemoryStream();
        small.Model.Save(model);
        model.Position = 0;
        var info = new FraudModelInfo { Version = "fraud-ft-0.1", FeatureColumns = ["AmountLog", "Retired"], Metrics = small.Model.Metrics };
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(info)));

        var error = Assert.Throws<InvalidDataException>(() => FraudModelStore.Load(model, json));

        Assert.Contains("retrain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_WithoutFraud_IsRefused()
    {
        var rows = small.Rows.Where(r => !r.Label).Take(500).ToList();

        Assert.Throws<ArgumentException>(() => FraudModelTrainer.Train(rows, new FraudTrainingOptions { Trees = 5 }));
    }
}
