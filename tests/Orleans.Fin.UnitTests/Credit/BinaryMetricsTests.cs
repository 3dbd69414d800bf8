using Orleans.Fin.Credit.Model;

namespace Orleans.Fin.UnitTests.Credit;

public sealed class BinaryMetricsTests
{
    private static readonly double[] Predicted = [0.1, 0.4, 0.35, 0.8];
    private static readonly bool[] Actual = [false, false, true, true];

    [Fact]
    public void Auc_HandComputedExample_IsTheShareOfCorrectlyOrderedPairs()
    {
        // Pairs (default, non-default): (0.35, 0.1) right, (0.35, 0.4) wrong, (0.8, 0.1) right, (0.8, 0.4) right.
        Assert.Equal(0.75, BinaryMetrics.Auc(Predicted, Actual), 12);
    }

    [Fact]
    public void Auc_PerfectReversedAndTied_AreOneZeroAndHalf()
    {
        Assert.Equal(1.0, BinaryMetrics.Auc([0.1, 0.9], [false, true]));
        Assert.Equal(0.0, BinaryMetrics.Auc([0.9, 0.1], [false, true]));
        Assert.Equal(0.5, BinaryMetrics.Auc([0.5, 0.5], [false, true]));
    }

    [Fact]
    public void Auc_OneClassOnly_IsNaN()
    {
        Assert.True(double.IsNaN(BinaryMetrics.Auc([0.1, 0.2], [true, true])));
    }

    [Fact]
    public void Ks_HandComputedExample_IsTheLargestGapOfTheCumulativeRates()
    {
        // From the top: 0.8 (TPR 0.5, FPR 0), 0.4 (0.5, 0.5), 0.35 (1, 0.5), 0.1 (1, 1): largest gap 0.5.
        Assert.Equal(0.5, BinaryMetrics.Ks(Predicted, Actual), 12);
        Assert.Equal(1.0, BinaryMetrics.Ks([0.1, 0.2, 0.8, 0.9], [false, false, true, true]), 12);
    }

    [Fact]
    public void Accuracy_AtCutOff_CountsPdAboveItAsDefault()
    {
        Assert.Equal(0.75, BinaryMetrics.Accuracy(Predicted, Actual, 0.5), 12);
        Assert.Equal(0.75, BinaryMetrics.Accuracy(Predicted, Actual, 0.3), 12);
        Assert.Equal(0.5, BinaryMetrics.Accuracy(Predicted, Actual, 0.36), 12);
    }

    [Fact]
    public void Brier_HandComputedExample_IsTheMeanSquaredError()
    {
        var expected = (0.01 + 0.16 + 0.4225 + 0.04) / 4;

        Assert.Equal(expected, BinaryMetrics.Brier(Predicted, Actual), 12);
    }

    [Fact]
    public void Calibration_Deciles_SplitSortedPredictionsIntoEqualBins()
    {
        var predicted = Enumerable.Range(0, 100).Select(i => i / 100.0).ToArray();
        var actual = predicted.Select(p => p >= 0.9).ToArray();

        var bins = BinaryMetrics.Calibration(predicted, actual, 10);

        Assert.Equal(10, bins.Count);
        Assert.All(bins, b => Assert.Equal(10, b.Count));
        Assert.Equal(0.045, bins[0].MeanPredictedPd, 9);
        Assert.Equal(0.0, bins[0].ObservedDefaultRate);
        Assert.Equal(1.0, bins[^1].ObservedDefaultRate);
        Assert.Equal(0.9, bins[^1].MinPd, 9);
    }

    [Fact]
    public void Metrics_DifferentLengths_Throw()
    {
        Assert.Throws<ArgumentException>(() => BinaryMetrics.Auc([0.1], [true, false]));
    }

    [Fact]
    public void Assign_Folds_KeepTheDefaultShareInEveryFoldAndAreRepeatable()
    {
        var labels = CreditSamples.Data.Records.Select(r => r.Defaulted).ToArray();

        var folds = StratifiedFolds.Assign(labels, 5, 7);

        Assert.Equal(folds, StratifiedFolds.Assign(labels, 5, 7));
        foreach (var fold in Enumerable.Range(0, 5))
        {
            var members = Enumerable.Range(0, labels.Length).Where(i => folds[i] == fold).ToList();
            Assert.InRange(members.Count, 667, 669);
            Assert.InRange(members.Count(i => labels[i]), 187, 189);
        }
    }
}
