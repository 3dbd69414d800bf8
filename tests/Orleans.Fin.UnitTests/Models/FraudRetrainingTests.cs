using Orleans.Fin.Models;
using Orleans.Fin.TestSupport;
using Orleans.Fin.Models.Training;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.UnitTests.Models;

public sealed class FraudRetrainingTests
{
    private static readonly ModelLifecycleOptions Small = new() { FraudRetrainCustomers = 500, FraudRetrainTrees = 60 };

    [Fact]
    public void Run_WithLabelledScamCases_LearnsThePatternTheShippedModelMisses()
    {
        var shipped = FraudModelStore.LoadEmbedded()!;
        var scams = ScamCases.HeldOut.Where(r => r.Pattern == FraudPatterns.Scam).ToList();
        var ordinary = ScamCases.HeldOut.Where(r => !r.Label).ToList();

        var trained = FraudRetraining.Run(ScamCases.Labels, Small, DateTimeOffset.UnixEpoch, "officer");
        var retrained = trained.Loaded.Fraud!;

        Assert.True(scams.Count >= 20, $"only {scams.Count} held-out scam payments");
        var before = ScamCases.Recall(shipped, scams);
        var after = ScamCases.Recall(retrained, scams);
        Assert.True(before < 0.5, $"the shipped model already catches {before:P0} of scams");
        Assert.True(after >= before + 0.2, $"scam recall {before:P0} -> {after:P0}");
        Assert.True(ScamCases.Recall(retrained, ordinary) < 0.01, "the retrained model flags more than 1% of ordinary payments");
        Assert.Equal(ScamCases.Labels.Count, trained.Labels);
    }

    [Fact]
    public void Run_SameLabels_SameVersionPinnedByDataAndWeightsHash()
    {
        var labels = ScamCases.Labels.Take(10).ToList();

        var first = FraudRetraining.Run(labels, Small, DateTimeOffset.UnixEpoch, "a");
        var second = FraudRetraining.Run(labels, Small, DateTimeOffset.UnixEpoch, "b");

        Assert.Equal(first.Registration.Version, second.Registration.Version);
        Assert.Equal(first.Registration.DataHash, second.Registration.DataHash);
        Assert.StartsWith("fraud-ft-1.42-r", first.Registration.Version, StringComparison.Ordinal);
        Assert.Equal(ModelCodec.Sha256(first.Weights.Model), first.Registration.WeightsHash);
        Assert.Equal(10, first.Labels);
    }

    [Fact]
    public void DataHash_AnotherLabelOrOutcomeOrWeight_Differs()
    {
        var simulation = new SimulationOptions { Seed = 42, Customers = 100 };
        var labels = ScamCases.Labels.Take(3).ToList();
        var flipped = labels.Select((l, i) => i == 0 ? l with { IsFraud = !l.IsFraud } : l).ToList();

        var hash = FraudRetraining.DataHash(simulation, labels, 5);

        Assert.Equal(hash, FraudRetraining.DataHash(simulation, [.. labels.AsEnumerable().Reverse()], 5));
        Assert.NotEqual(hash, FraudRetraining.DataHash(simulation, labels.Take(2).ToList(), 5));
        Assert.NotEqual(hash, FraudRetraining.DataHash(simulation, flipped, 5));
        Assert.NotEqual(hash, FraudRetraining.DataHash(simulation, labels, 1));
        Assert.NotEqual(hash, FraudRetraining.DataHash(new SimulationOptions { Seed = 42, Customers = 101 }, labels, 5));
    }
}
