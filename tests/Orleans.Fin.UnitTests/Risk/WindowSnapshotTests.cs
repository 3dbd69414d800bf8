using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>
/// A window written as runs of its cold part and the records not in it reads back as the window, whatever was done to it
/// since the part was taken; records changed in place (payees) are never taken from the part.
/// </summary>
public sealed class WindowSnapshotTests
{
    private static WindowSnapshot<ulong> Part(params ulong[] records) => new(records, EqualityComparer<ulong>.Default, static r => r);

    private static ulong[] Range(int start, int count) => [.. Enumerable.Range(start, count).Select(i => (ulong)i)];

    [Fact]
    public void Splice_ListAsTaken_IsOneRunAndNothingInline()
    {
        var part = Part(Range(0, 10));
        List<ulong> inline = [];

        var (runs, taken) = part.Splice(Range(0, 10), inline);

        Assert.Equal([0, 10, 0], runs);
        Assert.Empty(inline);
        Assert.Equal(10, taken);
    }

    [Fact]
    public void Splice_OldestDroppedAndNewAdded_IsOneRunThenTheNewRecords()
    {
        var part = Part(Range(0, 10));
        List<ulong> inline = [];

        var (runs, taken) = part.Splice([.. Range(3, 7), 100, 101], inline);

        Assert.Equal([3, 7, 2], runs);
        Assert.Equal([100UL, 101UL], inline);
        Assert.Equal(7, taken);
    }

    [Fact]
    public void Splice_RecordReplacedInTheMiddle_HoldsItInlineBetweenTwoRuns()
    {
        var part = Part(Range(0, 10));
        List<ulong> inline = [];

        var (runs, _) = part.Splice([.. Range(0, 5), 55, .. Range(6, 4)], inline);

        Assert.Equal([0, 5, 1, 6, 4, 0], runs);
        Assert.Equal([55UL], inline);
    }

    [Fact]
    public void Splice_NewRecordsFirst_StartsWithARunOfNoneFromThePart()
    {
        var part = Part(Range(0, 4));
        List<ulong> inline = [];

        var (runs, _) = part.Splice([90, .. Range(0, 4)], inline);

        Assert.Equal([0, 0, 1, 0, 4, 0], runs);
        Assert.Equal([0UL, 1UL, 2UL, 3UL], part.Join(inline, runs).Skip(1));
    }

    [Fact]
    public void Join_SpliceOfAnyEditedList_ReadsBackTheList()
    {
        var random = new Random(20261202);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var taken = Enumerable.Range(0, random.Next(0, 40)).Select(_ => (ulong)random.Next(0, 60)).ToList();
            var part = Part([.. taken]);
            var current = Edit(taken, random);
            List<ulong> inline = [];

            var (runs, _) = part.Splice(current, inline);

            Assert.Equal(current, part.Join(inline, runs));
            Assert.Equal(0, runs.Count % 3);
        }
    }

    [Fact]
    public void Join_RunBeyondThePart_Throws()
    {
        var part = Part(Range(0, 5));

        Assert.Throws<FormatException>(() => part.Join([], [3, 3, 0]));
        Assert.Throws<FormatException>(() => part.Join([], [-1, 1, 0]));
        Assert.Throws<FormatException>(() => part.Join([], [0, 1]));
    }

    [Fact]
    public void Join_InlineRecordsNotAllTaken_Throws()
    {
        var part = Part(Range(0, 5));

        Assert.Throws<FormatException>(() => part.Join([7, 8], [0, 5, 1]));
        Assert.Throws<FormatException>(() => part.Join([7], [0, 5, 2]));
    }

    [Fact]
    public void Splice_PayeeChangedInPlaceAfterTheSnapshot_IsHeldInlineAndThePartKeepsItAsStored()
    {
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
        List<PayeeRecord> payees = [.. Enumerable.Range(0, 4).Select(i => new PayeeRecord { AccountId = $"acc_{i}", FirstPaid = at, LastPaid = at, Payments = 1 })];
        var part = new WindowSnapshot<PayeeRecord>(payees, WindowRecordComparers.Payees, static p => p.Copy());
        payees[2].Payments = 2;
        payees[2].LastPaid = at.AddMinutes(5);
        List<PayeeRecord> inline = [];

        var (runs, _) = part.Splice(payees, inline);
        var joined = part.Join(inline, runs);

        Assert.Same(payees[2], Assert.Single(inline));
        Assert.Equal([0, 2, 1, 3, 1, 0], runs);
        Assert.Equal([1, 1, 2, 1], joined.Select(p => p.Payments));
        Assert.Equal(1, part.Records[2].Payments); // the part kept its own copy
        joined[0].Payments = 9;
        Assert.Equal(1, part.Records[0].Payments); // and hands out copies
    }

    private static List<ulong> Edit(List<ulong> list, Random random)
    {
        var edited = new List<ulong>(list);
        for (var step = random.Next(0, 12); step > 0; step--)
        {
            switch (random.Next(5))
            {
                case 0 when edited.Count > 0:
                    edited.RemoveRange(0, random.Next(1, edited.Count + 1));
                    break;
                case 1 when edited.Count > 0:
                    edited.RemoveAt(random.Next(edited.Count));
                    break;
                case 2 when edited.Count > 0:
                    edited[random.Next(edited.Count)] = (ulong)random.Next(0, 80);
                    break;
                case 3:
                    edited.Insert(random.Next(edited.Count + 1), (ulong)random.Next(0, 80));
                    break;
                default:
                    edited.Add((ulong)random.Next(0, 80));
                    break;
            }
        }

        return edited;
    }
}
