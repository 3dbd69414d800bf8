using Orleans.Fin.Credit;

namespace Orleans.Fin.UnitTests.Credit;

public sealed class CreditOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new CreditOptions();

        Assert.Equal("Credit", CreditOptions.Section);
        Assert.Equal(20_000m, options.SmallLoanThreshold);
        Assert.Equal(0.30, options.ApproveMaxPd);
        Assert.Equal(4, options.MaxReasons);
        Assert.Equal(512, options.ApproveMinScore);
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData(-1, 0.3, 4, "SmallLoanThreshold")]
    [InlineData(20000, 0, 4, "ApproveMaxPd")]
    [InlineData(20000, 1, 4, "ApproveMaxPd")]
    [InlineData(20000, 0.3, 0, "MaxReasons")]
    public void Validate_OutOfRange_NamesTheSetting(int threshold, double maxPd, int maxReasons, string setting)
    {
        var options = new CreditOptions { SmallLoanThreshold = threshold, ApproveMaxPd = maxPd, MaxReasons = maxReasons };

        Assert.Contains(options.Validate(), p => p.Contains(setting, StringComparison.Ordinal));
    }
}
