using Orleans.Fin.Models.Domain;

namespace Orleans.Fin.UnitTests.Models;

public sealed class PopulationStabilityTests
{
    [Fact]
    public void Index_SameDistribution_IsZero() => Assert.Equal(0, PopulationStability.Index([0.2, 0.3, 0.5], [0.2, 0.3, 0.5]), 12);

    [Fact]
    public void Index_TenPointShift_MatchesHandComputedValue() =>
        // (0.6 − 0.5)·ln(0.6/0.5) + (0.4 − 0.5)·ln(0.4/0.5) = 0.1·0.182322 + 0.1·0.223144
        Assert.Equal(0.0405465108, PopulationStability.Index([0.5, 0.5], [0.6, 0.4]), 9);

    [Fact]
    public void Index_EmptyBin_IsFlooredNotInfinite()
    {
        var psi = PopulationStability.Index([0.5, 0.5, 0.0], [0.4, 0.4, 0.2]);

        // 2·(−0.1·ln 0.8) + (0.2 − 0.0001)·ln(0.2/0.0001)
        Assert.Equal(0.0446287 + 1.5193, psi, 3);
    }

    [Fact]
    public void Of_FewerThanFiftyObservations_IsNull() => Assert.Null(PopulationStability.Of([0.5, 0.5], [20, 29]));

    [Fact]
    public void Of_Counts_UsesTheirShares() => Assert.Equal(0.0405465108, PopulationStability.Of([0.5, 0.5], [60, 40])!.Value, 9);

    [Theory]
    [InlineData(null, "InsufficientData")]
    [InlineData(0.05, "Stable")]
    [InlineData(0.10, "ModerateShift")]
    [InlineData(0.30, "MajorShift")]
    public void Status_ByThreshold(double? psi, string expected) => Assert.Equal(expected, PopulationStability.Status(psi));

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.009, 0)]
    [InlineData(0.01, 1)]
    [InlineData(0.3, 6)]
    [InlineData(0.95, 9)]
    [InlineData(1.0, 9)]
    public void ScoreBands_BinOf_FirstBinWhoseUpperEdgeIsAbove(double score, int bin) => Assert.Equal(bin, ScoreBands.BinOf(score));
}
