using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Control;

namespace Orleans.Fin.UnitTests.RiskControl;

public sealed class RiskKpiMathTests
{
    [Fact]
    public void Compute_NothingResolved_HasNoRates()
    {
        var kpis = RiskKpiMath.Compute(new RiskKpiState());

        Assert.Null(kpis.RiskIdentificationAccuracy);
        Assert.Null(kpis.FraudInterceptionRate);
        Assert.Null(kpis.FalsePositiveRate);
        Assert.Null(kpis.MedianTimeToFreezeMs);
        Assert.Null(kpis.P99TimeToFreezeMs);
    }

    [Fact]
    public void Compute_FromResolvedCases_GivesAccuracyInterceptionAndFalsePositives()
    {
        var state = new RiskKpiState { CasesOpened = 12, CasesResolved = 10, ConfirmedFraud = 8, ConfirmedFraudByEngine = 6, FalsePositives = 2 };

        var kpis = RiskKpiMath.Compute(state);

        Assert.Equal(0.8, kpis.RiskIdentificationAccuracy);
        Assert.Equal(0.75, kpis.FraudInterceptionRate);
        Assert.Equal(0.2, kpis.FalsePositiveRate);
        Assert.Equal(2, kpis.Counts.CasesOpen);
    }

    [Fact]
    public void Compute_FreezeTimes_MedianAndP99ByNearestRank()
    {
        var state = new RiskKpiState { FreezeMs = [.. Enumerable.Range(1, 100).Select(i => (double)i).Reverse()] };

        var kpis = RiskKpiMath.Compute(state);

        Assert.Equal(50, kpis.MedianTimeToFreezeMs);
        Assert.Equal(99, kpis.P99TimeToFreezeMs);
        Assert.Equal(100, kpis.Counts.FreezeTimingSamples);
    }

    [Fact]
    public void Percentile_OneSample_IsThatSample() => Assert.Equal(7, RiskKpiMath.Percentile([7], 0.99));
}
