using Orleans.Fin.Customers;
using Orleans.Fin.Risk;

namespace Orleans.Fin.ClusterTests.Risk;

/// <summary>
/// A customer's audit records are sealed in runs of 16 into segments of 64 through the real risk grain, segment grain
/// and storage: the state keeps about a run, every record pages back once, a segment write that fails, before or after
/// it commits, loses and duplicates nothing, and records that never reached storage are never sealed.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AuditSealingTests(ClusterFixture fixture)
{
    private readonly RiskScenario _risk = new(fixture.Client);

    [Fact]
    public async Task AppendAudit_HundredRecords_EveryStoredRunIsSealed()
    {
        var customer = await _risk.Money.NewCustomerAsync($"device-{Guid.NewGuid():N}");
        foreach (var chunk in Records(customer, 1, 100).Chunk(7))
        {
            await _risk.Risk(customer).AppendAudit(chunk);
        }

        var (all, stored) = await TrailAsync(customer);
        var first = stored.AuditCount - stored.Audit.Count + 1;
        Assert.Equal(100, stored.AuditCount);
        Assert.Equal(97, first); // 81-96 were sealed once the writes had stored them; 97-100 make no run yet
        Assert.Equal(AuditTrail(stored.AuditCount), all.Select(e => e.Sequence));
        Assert.Equal(Whys(1, 100), all.Where(e => e.Record.By == "test").Select(e => e.Record.Why).Reverse());
        Assert.Equal(1, stored.SealedAuditSegments);

        var segment0 = await StoredSegmentAsync(customer, 0);
        var segment1 = await StoredSegmentAsync(customer, 1);
        Assert.Equal(Enumerable.Range(1, 64).Select(i => (long)i), segment0.Entries.Select(e => e.Sequence));
        Assert.Equal(LongRange(65, 96), segment1.Entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task AppendAudit_OneWriteStoresARunThenTheActivationLeaves_ReadBackStateKeepsFewerThanARun()
    {
        var customer = await _risk.Money.NewCustomerAsync($"device-{Guid.NewGuid():N}");
        await _risk.Risk(customer).AppendAudit([.. Records(customer, 1, 21)]); // one write: nothing stored before it

        await fixture.Cluster.DeactivateAsync(_risk.Risk(customer));

        var stored = await StoredRiskAsync(customer);
        Assert.Equal(21, stored.AuditCount);
        Assert.Equal(5, stored.Audit.Count);
        Assert.Equal(LongRange(1, 16), (await StoredSegmentAsync(customer, 0)).Entries.Select(e => e.Sequence));
    }

    [Theory]
    [InlineData(WriteFault.BeforeCommit)]
    [InlineData(WriteFault.AfterCommit)]
    public async Task AppendAudit_SegmentWriteFails_StateIsStillWrittenAndTheRunIsSealedOnceLater(WriteFault fault)
    {
        var customer = await _risk.Money.NewCustomerAsync($"device-{Guid.NewGuid():N}");
        await _risk.Risk(customer).AppendAudit([.. Records(customer, 1, 20)]); // stored first, so 1-16 may be sealed next
        FaultInjection.FailWrite($"{customer}/0", 0, fault);

        // The flush after the write that stored 1-16, or this call, meets the failing segment; the state is written anyway.
        await _risk.Risk(customer).AppendAudit([.. Records(customer, 21, 21)]);
        await _risk.Risk(customer).AppendAudit([.. Records(customer, 22, 22)]);

        var (all, stored) = await TrailAsync(customer);
        Assert.Equal(AuditTrail(stored.AuditCount), all.Select(e => e.Sequence));
        Assert.Equal(Whys(1, 22), all.Where(e => e.Record.By == "test").Select(e => e.Record.Why).Reverse());
        Assert.Equal(LongRange(1, 16), (await StoredSegmentAsync(customer, 0)).Entries.Select(e => e.Sequence));
        Assert.Equal(stored.AuditCount - 16, stored.Audit.Count);
    }

    [Fact]
    public async Task AppendAudit_ActivationDiesWithRecordsNotStored_NumbersTakenAgainAreNotSealedAsTheLostOnes()
    {
        var customer = await _risk.Money.NewCustomerAsync($"device-{Guid.NewGuid():N}");
        var risk = _risk.Risk(customer);
        await risk.AppendAudit([.. Records(customer, 1, 10)]);

        // 11-20 reach the activation but never storage: its write fails, and so does the one as it dies.
        FaultInjection.FailWrite(customer, 0, WriteFault.BeforeCommit);
        await Assert.ThrowsAnyAsync<Exception>(() => risk.AppendAudit([.. Records(customer, 11, 20, "lost")]));
        FaultInjection.FailWrite(customer, 0, WriteFault.BeforeCommit);
        CallFaults.DyingActivations[customer] = nameof(IRiskGrain.GetProfile);
        await risk.GetProfile();

        // The next activation numbers new records from 11 again; 1-16 are sealed only once stored, with these.
        await risk.AppendAudit([.. Records(customer, 11, 20)]);
        await risk.AppendAudit([.. Records(customer, 21, 21)]);

        var (all, stored) = await TrailAsync(customer);
        Assert.Equal(AuditTrail(stored.AuditCount), all.Select(e => e.Sequence));
        Assert.Equal(Whys(1, 21), all.Select(e => e.Record.Why).Reverse());
        Assert.Equal(Whys(1, 16), (await StoredSegmentAsync(customer, 0)).Entries.Select(e => e.ToEntry().Record.Why));
    }

    [Fact]
    public async Task Store_RunAgainOrWithAGap_KeepsWhatItHasAndRefusesTheGap()
    {
        var customer = await _risk.Money.NewCustomerAsync($"device-{Guid.NewGuid():N}");
        var segment = fixture.Client.GetGrain<IRiskAuditSegmentGrain>($"{customer}/2");
        var run = Entries(customer, 129, 144);

        await segment.Store(run);
        await segment.Store(run);
        await segment.Store(Entries(customer, 137, 160)); // a retry that overlaps what is held, then goes on
        await Assert.ThrowsAnyAsync<Exception>(() => segment.Store(Entries(customer, 170, 175)));

        Assert.Equal(LongRange(129, 160), (await segment.Get()).Select(e => e.Sequence));
        Assert.Equal(LongRange(129, 160), (await StoredSegmentAsync(customer, 2)).Entries.Select(e => e.Sequence));
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.Client.GetGrain<IRiskAuditSegmentGrain>($"{customer}/3").Store(Entries(customer, 200, 201)));
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.Client.GetGrain<IRiskAuditSegmentGrain>($"{customer}/4").Store(Entries(customer, 129, 130)));
        Assert.Null(await fixture.StoredStateAsync<AuditSegmentState>(
            "audit-segment", fixture.Client.GetGrain<IRiskAuditSegmentGrain>($"{customer}/4").GetGrainId()));
    }

    private static IEnumerable<AuditRecord> Records(string customer, int from, int to, string what = "record") =>
        Enumerable.Range(from, to - from + 1).Select(i => new AuditRecord(AuditAction.Decision, customer, ClusterFixture.Now, "test", $"{what} {i}", "v1"));

    private static List<AuditEntry> Entries(string customer, long from, long to) =>
        [.. LongRange(from, to).Select(s => new AuditEntry(s, new AuditRecord(AuditAction.Decision, customer, ClusterFixture.Now, "test", $"record {s}", "v1")))];

    private static IEnumerable<string> Whys(int from, int to) => Enumerable.Range(from, to - from + 1).Select(i => $"record {i}");

    private static IEnumerable<long> LongRange(long from, long to)
    {
        for (var s = from; s <= to; s++)
        {
            yield return s;
        }
    }

    /// <summary>Every sequence number from the newest down to 1: what a trail without gaps or repeats pages as.</summary>
    private static IEnumerable<long> AuditTrail(long newest) => LongRange(1, newest).Reverse();

    /// <summary>
    /// Every page of the trail and the stored state, once the state written holds the newest record paged: a record the
    /// activity stream adds (the sign-up's device) may still be waiting for the flush.
    /// </summary>
    private async Task<(List<AuditEntry> All, RiskState Stored)> TrailAsync(string customer)
    {
        List<AuditEntry> all = [];
        RiskState stored = null!;
        await RiskScenario.EventuallyAsync(async () =>
        {
            all = await AllPagesAsync(customer);
            stored = await StoredRiskAsync(customer);
            return stored.AuditCount == all[0].Sequence;
        }, $"the stored trail of {customer} holds its newest record");
        return (all, stored);
    }

    private async Task<List<AuditEntry>> AllPagesAsync(string customer)
    {
        List<AuditEntry> all = [];
        long? cursor = null;
        do
        {
            var page = await _risk.Risk(customer).GetAudit(cursor, 30);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return all;
    }

    private async Task<RiskState> StoredRiskAsync(string customer) =>
        (await fixture.StoredStateAsync<RiskState>("risk", _risk.Risk(customer).GetGrainId()))!;

    private async Task<AuditSegmentState> StoredSegmentAsync(string customer, int n) =>
        (await fixture.StoredStateAsync<AuditSegmentState>(
            "audit-segment", fixture.Client.GetGrain<IRiskAuditSegmentGrain>($"{customer}/{n}").GetGrainId()))!;
}
