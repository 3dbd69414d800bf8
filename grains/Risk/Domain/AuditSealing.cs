namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// Where a customer's audit records live once sealed, and how many of the unsealed ones to seal next. Segment n holds
/// sequence numbers 64n+1…64n+64, and that never changes. Records are sealed in runs of <c>run</c> records (a divisor of
/// 64), each ending on a multiple of the run, so a segment is filled by appending runs: with runs of 16 the risk state
/// keeps fewer than 16 unsealed records besides those of its last write, where whole segments kept up to 63. With runs
/// of 64 a segment is written once, whole, as before runs existed. A change of run between writes is safe: a run never crosses a segment's end, and the first run after the
/// change ends on the next multiple of the new run.
/// </summary>
public static class AuditSealing
{
    /// <summary>Records in a segment.</summary>
    public const int SegmentSize = 64;

    /// <summary>Whether a run of this many records fits segments exactly (1, 2, 4, … 64).</summary>
    public static bool IsValidRun(int run) => run is > 0 and <= SegmentSize && SegmentSize % run == 0;

    /// <summary>The segment that holds a sequence number (from 1).</summary>
    public static long SegmentOf(long sequence) => (sequence - 1) / SegmentSize;

    /// <summary>The first sequence number of segment <paramref name="segment"/>.</summary>
    public static long FirstOfSegment(long segment) => (segment * SegmentSize) + 1;

    /// <summary>A sequence number's place in its segment (from 0).</summary>
    public static int PlaceInSegment(long sequence) => (int)((sequence - 1) % SegmentSize);

    /// <summary>The first sequence number not yet sealed, given the newest and how many are unsealed.</summary>
    public static long FirstUnsealed(long newest, int unsealed) => newest - unsealed + 1;

    /// <summary>
    /// How many of the unsealed records, oldest first, make the next complete run: those up to the next multiple of
    /// <paramref name="run"/> after the first unsealed one. 0 when they do not reach it yet.
    /// </summary>
    public static int NextRun(long firstUnsealed, int unsealed, int run)
    {
        if (!IsValidRun(run))
        {
            throw new ArgumentOutOfRangeException(nameof(run), run, "A run is a divisor of 64.");
        }

        var runEnd = ((firstUnsealed - 1) / run + 1) * run; // the last sequence number of the run
        var length = (int)(runEnd - firstUnsealed + 1);
        return unsealed >= length ? length : 0;
    }

    /// <summary>
    /// Whether sequence numbers, in order, go on from <paramref name="next"/> one by one within its segment: what a
    /// segment may append.
    /// </summary>
    public static bool Continues(long next, IEnumerable<long> sequences)
    {
        var segment = SegmentOf(next);
        foreach (var sequence in sequences)
        {
            if (sequence != next || SegmentOf(sequence) != segment)
            {
                return false;
            }

            next++;
        }

        return true;
    }

    /// <summary>Full segments below the first unsealed record (what states before runs counted).</summary>
    public static int FullSegments(long firstUnsealed) => checked((int)((firstUnsealed - 1) / SegmentSize));
}
