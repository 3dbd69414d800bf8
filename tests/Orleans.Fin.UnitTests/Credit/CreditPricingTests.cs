using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.UnitTests.Credit;

public sealed class CreditPricingTests
{
    [Theory]
    [InlineData(0.0, "A", 0.079)]
    [InlineData(0.0499, "A", 0.079)]
    [InlineData(0.05, "B", 0.099)]
    [InlineData(0.10, "C", 0.139)]
    [InlineData(0.1999, "C", 0.139)]
    [InlineData(0.20, "D", 0.189)]
    [InlineData(0.2999, "D", 0.189)]
    [InlineData(0.30, "E", 0.239)]
    [InlineData(1.0, "E", 0.239)]
    public void BandFor_Pd_IsTheBandWhoseUpperBoundItIsBelow(double pd, string band, double rate)
    {
        var found = CreditPricing.BandFor(pd);

        Assert.Equal(band, found.Band);
        Assert.Equal((decimal)rate, found.AnnualRate);
        Assert.Equal((decimal)rate, CreditPricing.AnnualRate(pd));
    }

    [Fact]
    public void Bands_HigherBands_CostMore()
    {
        var rates = CreditPricing.Bands.Select(b => b.AnnualRate).ToList();
        var bounds = CreditPricing.Bands.Select(b => b.PdBelow).ToList();

        Assert.Equal(rates.Order(), rates);
        Assert.Equal(bounds.Order(), bounds);
        Assert.Equal(double.PositiveInfinity, bounds[^1]);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void BandFor_NotAProbability_Throws(double pd)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CreditPricing.BandFor(pd));
    }
}
