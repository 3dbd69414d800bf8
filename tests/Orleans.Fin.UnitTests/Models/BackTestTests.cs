using Orleans.Fin.Models.Domain;

namespace Orleans.Fin.UnitTests.Models;

public sealed class BackTestTests
{
    [Fact]
    public void Credit_LoansByPdBand_MeanPdAndRealisedDefaultRate()
    {
        // Band [0.05, 0.10): PDs 0.06 and 0.08, one default -> mean 0.07, rate 0.5. Band [0.50, 1]: PD 1.0 defaulted.
        LabelledScore[] loans = [new(0.06, false), new(0.08, true), new(0.25, false), new(1.0, true)];

        var test = BackTest.Credit(loans);

        Assert.Equal(4, test.Count);
        Assert.Equal(2, test.Positives);
        Assert.Equal(6, test.PdBands.Count);
        Assert.Equal(0, test.PdBands[0].Count);
        Assert.Null(test.PdBands[0].RealisedDefaultRate);
        var low = test.PdBands[1];
        Assert.Equal((0.05, 0.10, 2L, 1L), (low.From, low.To, low.Count, low.Defaults));
        Assert.Equal(0.07, low.MeanPredictedPd!.Value, 12);
        Assert.Equal(0.5, low.RealisedDefaultRate);
        Assert.Equal(1, test.PdBands[3].Count);
        Assert.Equal(0.0, test.PdBands[3].RealisedDefaultRate);
        Assert.Equal(1.0, test.PdBands[5].RealisedDefaultRate);
        Assert.Empty(test.Thresholds);
    }

    [Fact]
    public void Fraud_AtEachThreshold_PrecisionAndRecall()
    {
        // 3 frauds (0.9, 0.6, 0.2) and 3 legitimate (0.7, 0.3, 0.1).
        LabelledScore[] decisions = [new(0.9, true), new(0.6, true), new(0.2, true), new(0.7, false), new(0.3, false), new(0.1, false)];

        var test = BackTest.Fraud(decisions, [("step-up", 0.5), ("decline", 0.8)]);

        var stepUp = test.Thresholds[0];
        Assert.Equal(("step-up", 3L, 2L), (stepUp.Name, stepUp.Flagged, stepUp.TruePositives));
        Assert.Equal(2.0 / 3, stepUp.Precision!.Value, 12);
        Assert.Equal(2.0 / 3, stepUp.Recall!.Value, 12);
        var decline = test.Thresholds[1];
        Assert.Equal(1.0, decline.Precision);
        Assert.Equal(1.0 / 3, decline.Recall!.Value, 12);
    }

    [Fact]
    public void Fraud_NothingFlaggedNoPositives_RatiosUndefined()
    {
        var test = BackTest.Fraud([new(0.1, false)], [("decline", 0.9)]);

        Assert.Null(test.Thresholds[0].Precision);
        Assert.Null(test.Thresholds[0].Recall);
    }

    [Fact]
    public void FraudServingThresholds_ScoreThresholdsOverTheModelWeight()
    {
        var thresholds = BackTest.FraudServingThresholds(0.35, 40, 70, 0.9);

        Assert.Equal(["model", "step-up", "decline"], thresholds.Select(t => t.Name));
        Assert.Equal(0.35, thresholds[0].Threshold);
        Assert.Equal(40 / 90.0, thresholds[1].Threshold, 12);
        Assert.Equal(70 / 90.0, thresholds[2].Threshold, 12);
    }
}
