using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.UnitTests.Credit;

public sealed class CreditFeaturesTests
{
    private static readonly CreditImputation Medians = new(IncomeMedian: 125m, AssetsMedian: 3000m, DebtMedian: 0m);

    [Fact]
    public void Build_CompleteApplication_KeepsTheUnitsOfTheData()
    {
        var features = CreditFeatures.Build(CreditSamples.Steady(), Medians);

        Assert.Equal(10f, features.Seniority);
        Assert.Equal("owner", features.Home);
        Assert.Equal(36f, features.Time);
        Assert.Equal(40f, features.Age);
        Assert.Equal("married", features.Marital);
        Assert.Equal(0f, features.Records);
        Assert.Equal("fixed", features.Job);
        Assert.Equal(60f, features.Expenses);
        Assert.Equal(180f, features.Income);
        Assert.Equal(5000f, features.Assets);
        Assert.Equal(0f, features.Debt);
        Assert.Equal(800f, features.Amount);
        Assert.Equal(1300f, features.Price);
        Assert.Equal(0f, features.IncomeMissing + features.AssetsMissing + features.DebtMissing);
        Assert.False(features.Label);
    }

    [Fact]
    public void Build_CompleteApplication_DerivesTheRatios()
    {
        var features = CreditFeatures.Build(CreditSamples.Steady() with { Debt = 1000m }, Medians);

        Assert.Equal(800f / 1300f, features.LoanToPrice, 5);
        Assert.Equal((180f - 60f) / 800f, features.IncomeMarginToAmount, 5);
        Assert.Equal(800f / 36f / 180f, features.InstalmentToIncome, 5);
        Assert.Equal(0.2f, features.DebtToAssets, 5);
        Assert.Equal(MathF.Log(5001f), features.LogAssets, 4);
        Assert.Equal(MathF.Log(1001f), features.LogDebt, 4);
    }

    [Fact]
    public void Build_MissingAmounts_UseTheMediansAndRaiseTheIndicators()
    {
        var features = CreditFeatures.Build(CreditSamples.Steady() with { Income = null, Assets = null, Debt = null }, Medians);

        Assert.Equal(125f, features.Income);
        Assert.Equal(3000f, features.Assets);
        Assert.Equal(0f, features.Debt);
        Assert.Equal(1f, features.IncomeMissing);
        Assert.Equal(1f, features.AssetsMissing);
        Assert.Equal(1f, features.DebtMissing);
    }

    [Fact]
    public void Build_MissingOrUnrecognisedCategories_BecomeUnknown()
    {
        var features = CreditFeatures.Build(CreditSamples.Steady() with { Home = null, MaritalStatus = "Complicated", Job = " FIXED " }, Medians);

        Assert.Equal(CreditCategories.Unknown, features.Home);
        Assert.Equal(CreditCategories.Unknown, features.Marital);
        Assert.Equal("fixed", features.Job);
    }

    [Fact]
    public void Build_PastRecordsAndLabel_AreOneAndTrue()
    {
        var features = CreditFeatures.Build(CreditSamples.Steady() with { Records = true }, Medians, defaulted: true);

        Assert.Equal(1f, features.Records);
        Assert.True(features.Label);
    }

    [Fact]
    public void Build_SameApplicationTwice_GivesEqualFeatures()
    {
        var first = CreditFeatures.Build(CreditSamples.Steady(), Medians);
        var second = CreditFeatures.Build(CreditSamples.Steady(), Medians);

        Assert.Equivalent(first, second, strict: true);
    }

    [Theory]
    [InlineData(0, 0, 0f)]
    [InlineData(0, 5000, 0f)]
    [InlineData(500, 0, CreditFeatures.RatioCap)]
    [InlineData(500, 1000, 0.5f)]
    [InlineData(100000, 1000, CreditFeatures.RatioCap)]
    public void DebtToAssets_Guarded_StaysFiniteAndCapped(int debt, int assets, float expected)
    {
        Assert.Equal(expected, CreditFeatures.DebtToAssets(debt, assets), 5);
    }

    [Fact]
    public void Build_ZeroIncome_CapsThePaymentBurden()
    {
        var features = CreditFeatures.Build(CreditSamples.Steady() with { Income = 0m }, Medians);

        Assert.Equal(CreditFeatures.RatioCap, features.InstalmentToIncome);
        Assert.True(float.IsFinite(features.IncomeMarginToAmount));
    }

    [Fact]
    public void Median_OddEvenAndEmpty_AreTheMiddleValues()
    {
        Assert.Equal(2m, CreditImputation.Median([3m, null, 1m, 2m]));
        Assert.Equal(2.5m, CreditImputation.Median([4m, 1m, 2m, 3m]));
        Assert.Equal(0m, CreditImputation.Median([null]));
    }

    [Fact]
    public void Fit_EmbeddedData_TakesTheMediansOfThePresentValues()
    {
        var applications = CreditSamples.Data.Records.Select(r => r.Application).ToList();

        var imputation = CreditImputation.Fit(applications);

        Assert.Equal(CreditImputation.Median(applications.Select(a => a.Income)), imputation.IncomeMedian);
        Assert.InRange(imputation.IncomeMedian, 100m, 160m);
    }
}
