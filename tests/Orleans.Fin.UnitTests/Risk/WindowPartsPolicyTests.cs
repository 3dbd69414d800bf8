using System.ComponentModel.DataAnnotations;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk;

public sealed class WindowPartsPolicyTests
{
    [Theory]
    [InlineData(false, 0, 256, false)]
    [InlineData(false, 255, 256, false)]
    [InlineData(false, 256, 256, true)]
    [InlineData(true, 128, 256, true)]
    [InlineData(true, 127, 256, false)]
    [InlineData(false, 31, 32, false)]
    [InlineData(false, 32, 32, true)]
    [InlineData(false, 255, 32, true)]
    [InlineData(true, 16, 32, true)]
    [InlineData(true, 15, 32, false)]
    [InlineData(true, 16, 33, true)] // half of an odd threshold rounds down
    [InlineData(true, 15, 33, false)]
    public void InParts_ByWindowRecords_FromTheThresholdUntilHalfOfIt(bool inParts, int records, int from, bool expected) =>
        Assert.Equal(expected, WindowPartsPolicy.InParts(inParts, records, from));

    [Fact]
    public void InParts_BetweenHalfAndTheThreshold_StaysAsItIs()
    {
        Assert.False(WindowPartsPolicy.InParts(inParts: false, 40, 64));
        Assert.True(WindowPartsPolicy.InParts(inParts: true, 40, 64));
    }

    [Theory]
    [InlineData(256, true)]
    [InlineData(32, true)]
    [InlineData(16, true)]
    [InlineData(15, false)]
    [InlineData(0, false)]
    [InlineData(-256, false)]
    public void WindowsInPartsFrom_Setting_IsValidFromSixteen(int from, bool valid)
    {
        var options = new RiskControlOptions { WindowsInPartsFrom = from };
        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }

    [Fact]
    public void WindowsInPartsFrom_ByDefault_Is256() => Assert.Equal(256, new RiskControlOptions().WindowsInPartsFrom);

    [Theory]
    [InlineData(WindowPartsPolicy.MaxInline, WindowPartsPolicy.MaxRuns, WindowPartsPolicy.MaxStale, false)]
    [InlineData(WindowPartsPolicy.MaxInline + 1, 1, 0, true)]
    [InlineData(0, WindowPartsPolicy.MaxRuns + 1, 0, true)]
    [InlineData(0, 1, WindowPartsPolicy.MaxStale + 1, true)]
    public void RewriteDue_PastAnyBound_RewritesTheColdPart(int inline, int runs, int stale, bool expected) =>
        Assert.Equal(expected, WindowPartsPolicy.RewriteDue(inline, runs, stale));
}
