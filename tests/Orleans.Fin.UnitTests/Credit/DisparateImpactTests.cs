using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.UnitTests.Credit;

public sealed class DisparateImpactTests
{
    [Fact]
    public void By_TwoGroups_RatesMeanPdAndImpactRatioByHand()
    {
        var groups = DisparateImpact.By([("a", 0.1), ("a", 0.2), ("a", 0.5), ("a", 0.1), ("b", 0.4), ("b", 0.2)], 0.30);

        var a = groups.Single(g => g.Group == "a");
        var b = groups.Single(g => g.Group == "b");
        Assert.Equal((4, 0.75, 0.225, 1.0), (a.Applications, a.ApprovalRate, a.MeanPd, a.ImpactRatio));
        Assert.Equal(0.5, b.ApprovalRate);
        Assert.Equal(0.3, b.MeanPd, 12);
        Assert.Equal(0.5 / 0.75, b.ImpactRatio, 12);
    }

    [Theory]
    [InlineData(18, "18-25")]
    [InlineData(25, "18-25")]
    [InlineData(26, "26-35")]
    [InlineData(50, "36-50")]
    [InlineData(65, "51-65")]
    [InlineData(66, "66+")]
    public void AgeBand_Boundaries(int age, string band) => Assert.Equal(band, DisparateImpact.AgeBand(age));
}
