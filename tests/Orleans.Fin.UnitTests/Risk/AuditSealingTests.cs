using System.ComponentModel.DataAnnotations;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>
/// Audit records are sealed in runs that end on a multiple of the run and never cross a segment's end, so segments keep
/// the positions they always had (segment n: 64n+1…64n+64) whatever run a silo uses, and a change of run between writes
/// seals nothing twice and leaves no gap.
/// </summary>
public sealed class AuditSealingTests
{
    [Theory]
    [InlineData(1, 15, 16, 0)] // records 1-15: the first run ends at 16
    [InlineData(1, 16, 16, 16)]
    [InlineData(1, 40, 16, 16)] // one run at a time, oldest first
    [InlineData(17, 16, 16, 16)]
    [InlineData(1, 63, 64, 0)] // whole segments: nothing until 64 are unsealed
    [InlineData(1, 64, 64, 64)]
    [InlineData(65, 64, 64, 64)]
    [InlineData(17, 60, 64, 48)] // runs of 16 before, whole segments now: the rest of segment 0 first
    [InlineData(17, 47, 64, 0)]
    [InlineData(49, 20, 32, 16)] // a run of 32 from 49 ends at 64, the segment's end
    [InlineData(5, 3, 4, 0)] // runs of 4 before a change (first unsealed 5): 5-8 is the next run
    [InlineData(5, 4, 4, 4)]
    [InlineData(1, 1, 1, 1)]
    public void NextRun_EndsOnAMultipleOfTheRun(long firstUnsealed, int unsealed, int run, int expected) =>
        Assert.Equal(expected, AuditSealing.NextRun(firstUnsealed, unsealed, run));

    [Fact]
    public void NextRun_SealingRunAfterRun_FillsSegmentsInOrderAndKeepsFewerThanARun()
    {
        // 300 records appended, then sealed as a state write does: run after run while one is complete.
        long first = 1;
        var unsealed = 300;
        List<(long From, int Length)> runs = [];
        int length;
        while ((length = AuditSealing.NextRun(first, unsealed, 16)) > 0)
        {
            runs.Add((first, length));
            first += length;
            unsealed -= length;
        }

        Assert.Equal(18, runs.Count);
        Assert.All(runs, r => Assert.Equal(16, r.Length));
        Assert.All(runs, r => Assert.Equal(AuditSealing.SegmentOf(r.From), AuditSealing.SegmentOf(r.From + r.Length - 1)));
        Assert.Equal(289, first);
        Assert.Equal(12, unsealed);
        Assert.Equal(4, AuditSealing.FullSegments(first));
    }

    [Fact]
    public void NextRun_RunChangedFromWholeSegmentsToSixteen_SealsTheSameRecordsOnce()
    {
        // A state sealed in whole segments up to 128 keeps 70 records (129-198); runs of 16 then seal 129-192.
        long first = 129;
        var unsealed = 70;
        var sealedUpTo = first - 1;
        int length;
        while ((length = AuditSealing.NextRun(first, unsealed, 16)) > 0)
        {
            Assert.Equal(sealedUpTo + 1, first);
            sealedUpTo += length;
            first += length;
            unsealed -= length;
        }

        Assert.Equal(192, sealedUpTo);
        Assert.Equal(6, unsealed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(48)]
    [InlineData(128)]
    public void NextRun_RunThatDoesNotDivideASegment_IsRefused(int run)
    {
        Assert.False(AuditSealing.IsValidRun(run));
        Assert.Throws<ArgumentOutOfRangeException>(() => AuditSealing.NextRun(1, 200, run));
    }

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(64, 0, 63)]
    [InlineData(65, 1, 0)]
    [InlineData(200, 3, 7)]
    public void SegmentOf_PlaceInSegment_AreTheFixedPositions(long sequence, long segment, int place)
    {
        Assert.Equal(segment, AuditSealing.SegmentOf(sequence));
        Assert.Equal(place, AuditSealing.PlaceInSegment(sequence));
    }

    [Fact]
    public void Continues_OnlyTheNextNumbersWithinTheSegment()
    {
        Assert.True(AuditSealing.Continues(1, [1, 2, 3]));
        Assert.True(AuditSealing.Continues(49, [49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64]));
        Assert.False(AuditSealing.Continues(1, [2, 3])); // a gap
        Assert.False(AuditSealing.Continues(5, [5, 7])); // a hole
        Assert.False(AuditSealing.Continues(63, [63, 64, 65])); // into the next segment
    }

    [Theory]
    [InlineData(16, true)]
    [InlineData(64, true)]
    [InlineData(1, true)]
    [InlineData(48, false)]
    [InlineData(0, false)]
    [InlineData(128, false)]
    public void AuditSealRun_Setting_IsValidOnlyForADivisorOfASegment(int run, bool valid)
    {
        var options = new RiskControlOptions { AuditSealRun = run };
        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
        Assert.Equal(valid, AuditSealing.IsValidRun(run));
    }

    [Fact]
    public void FirstUnsealed_FromTheNewestAndTheCountKept() =>
        Assert.Equal(289, AuditSealing.FirstUnsealed(300, 12));
}
