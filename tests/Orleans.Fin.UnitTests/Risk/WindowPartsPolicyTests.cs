using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk;

public sealed class WindowPartsPolicyTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(WindowPartsPolicy.MinRecords - 1, false)]
    [InlineData(WindowPartsPolicy.MinRecords, true)]
    public void InParts_ByWindowRecords_FromTheMinimum(int records, bool expected) =>
        Assert.Equal(expected, WindowPartsPolicy.InParts(records));

    [Theory]
    [InlineData(WindowPartsPolicy.MaxInline, WindowPartsPolicy.MaxRuns, WindowPartsPolicy.MaxStale, false)]
    [InlineData(WindowPartsPolicy.MaxInline + 1, 1, 0, true)]
    [InlineData(0, WindowPartsPolicy.MaxRuns + 1, 0, true)]
    [InlineData(0, 1, WindowPartsPolicy.MaxStale + 1, true)]
    public void RewriteDue_PastAnyBound_RewritesTheColdPart(int inline, int runs, int stale, bool expected) =>
        Assert.Equal(expected, WindowPartsPolicy.RewriteDue(inline, runs, stale));
}
