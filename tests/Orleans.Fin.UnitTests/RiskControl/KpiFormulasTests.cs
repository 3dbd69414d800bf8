using Orleans.Fin.Loans;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Control;

namespace Orleans.Fin.UnitTests.RiskControl;

public sealed class KpiFormulasTests
{
    private static readonly LoanPortfolioView NoLoans = new(0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null);

    [Fact]
    public void Compute_NothingRecorded_HasNoRates()
    {
        var kpis = KpiFormulas.Compute(new RiskKpiState(), NoLoans);

        Assert.Null(kpis.RiskIdentificationAccuracy);
        Assert.Null(kpis.FraudInterceptionRate);
        Assert.Null(kpis.FraudInterceptionUplift);
        Assert.Null(kpis.FalsePositiveRate);
        Assert.Null(kpis.ModelUsageRate);
        Assert.Null(kpis.DataQualityRate);
        Assert.Null(kpis.OverdueRate);
        Assert.Null(kpis.NplRatioByCount);
        Assert.Null(kpis.MedianTimeToFreezeMs);
        Assert.Equal(new FreezeTimes(null, null, 0), kpis.TimeToFreezeMs);
    }

    [Fact]
    public void Compute_CasesAndUnreportedPayments_AccuracyOverAllLabelledDecisions()
    {
        // 10 resolved cases of which 7 agreed with the engine, 90 unreported payments of which 88 were allowed: 95 of 100.
        var state = new RiskKpiState { CasesOpened = 12, CasesResolved = 10, CasesCorrect = 7, FalsePositives = 2, UnreportedLabelled = 90, UnreportedCorrect = 88 };

        var kpis = KpiFormulas.Compute(state, NoLoans);

        Assert.Equal(0.95, kpis.RiskIdentificationAccuracy!.Value, 12);
        Assert.Equal(0.2, kpis.FalsePositiveRate!.Value, 12);
        Assert.Equal(100, kpis.Counts.LabelledDecisions);
        Assert.Equal(95, kpis.Counts.CorrectDecisions);
        Assert.Equal(2, kpis.Counts.CasesOpen);
    }

    [Fact]
    public void Compute_FraudAmounts_InterceptionByAmountAndUpliftOverTheBaseline()
    {
        // 10,000 of confirmed fraud: 8,000 stopped, the rules alone would have stopped 5,000 -> 0.8 and 0.8 / 0.5 - 1 = 0.6.
        var state = new RiskKpiState { FraudAmount = 10_000m, FraudAmountStopped = 8_000m, FraudAmountStoppedByBaseline = 5_000m };

        var kpis = KpiFormulas.Compute(state, NoLoans);

        Assert.Equal(0.8, kpis.FraudInterceptionRate!.Value, 12);
        Assert.Equal(0.6, kpis.FraudInterceptionUplift!.Value, 12);
    }

    [Fact]
    public void Compute_BaselineStoppedNothing_UpliftUndefined()
    {
        var state = new RiskKpiState { FraudAmount = 1_000m, FraudAmountStopped = 1_000m };

        var kpis = KpiFormulas.Compute(state, NoLoans);

        Assert.Equal(1.0, kpis.FraudInterceptionRate);
        Assert.Null(kpis.FraudInterceptionUplift);
    }

    [Fact]
    public void Compute_RiskAndCreditDecisions_ModelUsageOverBoth()
    {
        // 90 of 100 payment decisions and 6 of 8 automatic credit decisions used a model: 96 / 108.
        var state = new RiskKpiState { RiskDecisions = 100, RiskDecisionsWithModel = 90, RecordsChecked = 200, RecordsValid = 190 };
        var loans = NoLoans with { Applications = 10, AutomaticDecisions = 8, AutomaticDecisionsWithModel = 6 };

        var kpis = KpiFormulas.Compute(state, loans);

        Assert.Equal(96.0 / 108, kpis.ModelUsageRate!.Value, 12);
        Assert.Equal(0.95, kpis.DataQualityRate!.Value, 12);
        Assert.Equal(8, kpis.Counts.CreditDecisions);
        Assert.Equal(6, kpis.Counts.CreditDecisionsWithModel);
    }

    [Fact]
    public void Compute_Loans_RatiosByBalanceAndByCount()
    {
        // 4 open loans: 1 overdue (2,000 outstanding), 1 non-performing (3,000), 2 current (10,000 + 5,000) = 20,000.
        var loans = NoLoans with { OpenLoans = 4, Overdue = 1, NonPerforming = 1, Outstanding = 20_000m, OverdueOutstanding = 2_000m, NonPerformingOutstanding = 3_000m };

        var kpis = KpiFormulas.Compute(new RiskKpiState(), loans);

        Assert.Equal(0.25, kpis.OverdueRate!.Value, 12);
        Assert.Equal(0.15, kpis.NplRatio!.Value, 12);
        Assert.Equal(0.5, kpis.OverdueRateByCount!.Value, 12);
        Assert.Equal(0.25, kpis.NplRatioByCount!.Value, 12);
    }

    [Fact]
    public void Compute_FreezeTimes_P50AndP99ByNearestRank()
    {
        var state = new RiskKpiState { FreezeMs = [.. Enumerable.Range(1, 100).Select(i => (double)i).Reverse()] };

        var kpis = KpiFormulas.Compute(state, NoLoans);

        Assert.Equal(50, kpis.MedianTimeToFreezeMs);
        Assert.Equal(99, kpis.P99TimeToFreezeMs);
        Assert.Equal(new FreezeTimes(50, 99, 100), kpis.TimeToFreezeMs);
    }

    [Fact]
    public void Percentile_OneSample_IsThatSample() => Assert.Equal(7, KpiFormulas.Percentile([7], 0.99));
}
