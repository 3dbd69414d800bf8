using Orleans.Fin.Loans.Domain;

namespace Orleans.Fin.UnitTests.Loans;

public sealed class PortfolioWarningsTests
{
    [Theory]
    [InlineData(0.05, 0.15, 20, true)]
    [InlineData(null, 0.15, 20, true)]
    [InlineData(0.12, 0.15, 20, false)] // already above: no second alert
    [InlineData(0.05, 0.10, 20, false)] // at the threshold is not above it
    [InlineData(0.05, 0.50, 9, false)] // too few loans to mean something
    public void CrossedAbove_Cases(double? before, double? after, int openLoans, bool expected) =>
        Assert.Equal(expected, PortfolioWarnings.CrossedAbove(before, after, 0.10, openLoans, minimumOpenLoans: 10));

    [Fact]
    public void Ratio_NothingToDivideBy_IsNull()
    {
        Assert.Null(PortfolioWarnings.Ratio(0, 0));
        Assert.Equal(0.25, PortfolioWarnings.Ratio(1, 4));
    }
}
