using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk;

public sealed class WindowPartsPolicyTests
{
    [Theory]
    [InlineData(false, 0, false)]
    [InlineData(false, WindowPartsPolicy.MinRecords - 1, false)]
    [InlineData(false, WindowPartsPolicy.MinRecords, true)]
    [InlineData(true, WindowPartsPolicy.MinRecords / 2, true)]
    [InlineData(true, (WindowPartsPolicy.MinRecords / 2) - 1, false)]
    public void InParts_ByWindowRecords_FromTheMinimumUntilHalfOfIt(bool inParts, int records, bool expected) =>
        Assert.Equal(expected, WindowPartsPolicy.InParts(inParts, records));

    [Theory]
    [InlineData(WindowPartsPolicy.MaxInline, WindowPartsPolicy.MaxRuns, WindowPartsPolicy.MaxStale, false)]
    [InlineData(WindowPartsPolicy.MaxInline + 1, 1, 0, true)]
    [InlineData(0, WindowPartsPolicy.MaxRuns + 1, 0, true)]
    [InlineData(0, 1, WindowPartsPolicy.MaxStale + 1, true)]
    public void RewriteDue_PastAnyBound_RewritesTheColdPart(int inline, int runs, int stale, bool expected) =>
        Assert.Equal(expected, WindowPartsPolicy.RewriteDue(inline, runs, stale));
}
