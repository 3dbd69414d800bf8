using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

public sealed class SuitabilityTests
{
    public static TheoryData<InvestorRiskClass, RiskGrade, bool> Matrix()
    {
        var data = new TheoryData<InvestorRiskClass, RiskGrade, bool>();
        foreach (var level in Enum.GetValues<InvestorRiskClass>())
        {
            foreach (var grade in Enum.GetValues<RiskGrade>())
            {
                // C1 may buy R1 only; C5 may buy everything.
                data.Add(level, grade, grade.ToString()[1] <= level.ToString()[1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void IsSuitable_AllTwentyFivePairs_GradeNotAboveLevel(InvestorRiskClass level, RiskGrade grade, bool expected) =>
        Assert.Equal(expected, Suitability.IsSuitable(level, grade));

    [Fact]
    public void Matrix_HasTwentyFivePairsFifteenSuitable()
    {
        var pairs = Matrix().Select(row => (bool)row[2]).ToList();

        Assert.Equal(25, pairs.Count);
        Assert.Equal(15, pairs.Count(suitable => suitable));
    }

    [Fact]
    public void SuitableFor_C1_OnlyMoneyMarket() =>
        Assert.Equal([ProductCatalogue.MoneyMarket], ProductCatalogue.SuitableFor(InvestorRiskClass.C1).Select(p => p.Id));

    [Fact]
    public void SuitableFor_C5_WholeCatalogue() =>
        Assert.Equal(ProductCatalogue.All.Count, ProductCatalogue.SuitableFor(InvestorRiskClass.C5).Count);

    [Fact]
    public void Catalogue_EightFundsOnePerAssetClassAllGradesUsed()
    {
        Assert.Equal(8, ProductCatalogue.All.Count);
        Assert.Equal(8, ProductCatalogue.All.Select(p => p.AssetClass).Distinct().Count());
        Assert.Equal(Enum.GetValues<RiskGrade>(), ProductCatalogue.All.Select(p => p.RiskGrade).Distinct().Order());
        Assert.Equal(RiskGrade.R4, ProductCatalogue.Get(ProductCatalogue.Csi300Index).RiskGrade);
    }

    [Fact]
    public void Get_UnknownProduct_Throws()
    {
        Assert.Null(ProductCatalogue.Find("NOPE"));
        Assert.Throws<ArgumentException>(() => ProductCatalogue.Get("NOPE"));
    }
}
