using Orleans.Fin.Models.Domain;

namespace Orleans.Fin.UnitTests.Models;

public sealed class OutcomeMetricsTests
{
    private static readonly LabelledScore[] Five =
    [
        new(0.9, true), new(0.8, false), new(0.7, true), new(0.2, false), new(0.1, true),
    ];

    [Fact]
    public void Of_AtHalf_PrecisionRecallAndAucByHand()
    {
        var metrics = OutcomeMetrics.Of(Five, 0.5);

        Assert.Equal(5, metrics.Count);
        Assert.Equal(3, metrics.Positives);
        Assert.Equal(2, metrics.TruePositives);
        Assert.Equal(1, metrics.FalsePositives);
        Assert.Equal(2.0 / 3, metrics.Precision!.Value, 12);
        Assert.Equal(2.0 / 3, metrics.Recall!.Value, 12);
        Assert.Equal(0.5, metrics.Auc); // 3 of the 6 positive/negative pairs are ordered correctly
    }

    [Fact]
    public void Of_NothingFlagged_PrecisionUndefined()
    {
        var metrics = OutcomeMetrics.Of(Five, 0.95);

        Assert.Null(metrics.Precision);
        Assert.Equal(0, metrics.Recall);
    }

    [Fact]
    public void AucOf_TiesCountHalf() => Assert.Equal(0.75, OutcomeMetrics.AucOf([new(0.5, true), new(0.6, true), new(0.5, false)]));

    [Fact]
    public void AucOf_OneClassOnly_IsNull() => Assert.Null(OutcomeMetrics.AucOf([new(0.5, true), new(0.6, true)]));
}
