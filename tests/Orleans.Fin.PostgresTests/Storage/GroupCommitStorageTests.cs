using Npgsql;
using Orleans.Fin.TestSupport;
using Orleans.Storage;
using static Orleans.Fin.PostgresTests.Storage.StorageHarness;

namespace Orleans.Fin.PostgresTests.Storage;

public sealed class GroupCommitStorageTests
{
    [Fact]
    public async Task WriteState_ManyGrainsAtOnce_EveryRowCommittedInSharedTransactions()
    {
        var service = NewServiceId();
        var grains = Enumerable.Range(0, 300).Select(_ => NewGrain()).ToArray();
        var states = grains.Select((_, i) => State(i)).ToArray();
        await using (var storage = GroupCommit(service))
        {
            await Task.WhenAll(grains.Select((grain, i) => storage.WriteStateAsync(StateName, grain, states[i])));
            Assert.All(states, state => Assert.Equal("1", state.ETag));

            foreach (var state in states)
            {
                state.State!.Count += 1_000;
            }

            await Task.WhenAll(grains.Select((grain, i) => storage.WriteStateAsync(StateName, grain, states[i])));
            Assert.All(states, state => Assert.Equal("2", state.ETag));
        }

        await using var fresh = GroupCommit(service);
        var read = await Task.WhenAll(grains.Select(grain => ReadAsync(fresh, grain)));
        for (var i = 0; i < grains.Length; i++)
        {
            Assert.Equal(i + 1_000, read[i].State!.Count);
            Assert.Equal(i * 1.01m, read[i].State!.Amount);
            Assert.Equal("2", read[i].ETag);
            Assert.True(read[i].RecordExists);
        }

        Assert.Equal(300L, await PostgresDatabase.ScalarAsync<long>(
            "SELECT count(*) FROM OrleansStorage WHERE ServiceId = @s AND Version = 2", ("s", service)));
        // Rows written by one transaction carry the same xmin: 300 writes took a handful of commits, not 300.
        var commits = await PostgresDatabase.ScalarAsync<long>(
            "SELECT count(DISTINCT xmin::text) FROM OrleansStorage WHERE ServiceId = @s", ("s", service));
        Assert.InRange(commits, 1L, 30L);
    }

    [Fact]
    public async Task WriteState_StaleETagsInsideOneBatch_FailOnlyThoseGrains()
    {
        var service = NewServiceId();
        var application = "fin-stale-" + Guid.NewGuid().ToString("N")[..8];
        await using var storage = GroupCommit(service, $"{PostgresDatabase.ConnectionString};Application Name={application}", o => o.MaxBatchesInFlight = 1);
        var grains = Enumerable.Range(0, 10).Select(_ => NewGrain()).ToArray();
        var states = grains.Select((_, i) => State(i)).ToArray();
        await Task.WhenAll(grains.Select((grain, i) => storage.WriteStateAsync(StateName, grain, states[i])));
        var holder = NewGrain();
        var held = State(-1);
        await storage.WriteStateAsync(StateName, holder, held);

        var next = grains.Select((_, i) => State(100 + i, etag: "1")).ToList();
        next[5] = State(105, etag: null); // a second activation that never saw the row
        var twin = State(999, etag: "1"); // another activation of grain 3 holding the same ETag, queued after the first
        List<Task> writes;
        Task twinWrite;
        Task heldWrite;
        await using (await LockRowAsync(PostgresDatabase.ConnectionString, service, holder))
        {
            // The one batch slot is taken by a write waiting on a locked row; what is queued meanwhile leaves together once
            // the lock goes, however slowly it was queued (a gathering delay can close before the last write on a busy machine).
            heldWrite = storage.WriteStateAsync(StateName, holder, held);
            await WaitForBlockedBackendAsync(PostgresDatabase.ConnectionString, application);
            writes = [.. grains.Select((grain, i) => storage.WriteStateAsync(StateName, grain, next[i]))];
            twinWrite = storage.WriteStateAsync(StateName, grains[3], twin);
        }

        await heldWrite;
        await Assert.ThrowsAsync<InconsistentStateException>(() => writes[5]);
        await Assert.ThrowsAsync<InconsistentStateException>(() => twinWrite);
        for (var i = 0; i < grains.Length; i++)
        {
            if (i != 5)
            {
                await writes[i];
                Assert.Equal("2", next[i].ETag);
            }
        }

        Assert.Null(next[5].ETag);
        Assert.Equal("1", twin.ETag);
        Assert.Equal(103, (await ReadAsync(storage, grains[3])).State!.Count);
        var untouched = await ReadAsync(storage, grains[5]);
        Assert.Equal((5, "1"), (untouched.State!.Count, untouched.ETag));
        // The nine good writes were one commit (the holder's write, also at version 2, was the one before).
        Assert.Equal(1L, await PostgresDatabase.ScalarAsync<long>(
            "SELECT count(DISTINCT xmin::text) FROM OrleansStorage WHERE ServiceId = @s AND Version = 2 AND GrainIdExtensionString <> @h",
            ("s", service), ("h", holder.Key.ToString()!)));
    }

    [Fact]
    public async Task WriteState_OneRowTheDatabaseRejects_FailsAloneAndItsBatchCommits()
    {
        var service = NewServiceId();
        await using var storage = GroupCommit(service, configure: o => o.BatchDelay = TimeSpan.FromMilliseconds(300));
        var good = Enumerable.Range(0, 5).Select(_ => NewGrain()).ToArray();
        var tooLong = LongerThanItsColumnAllows();

        var goodWrites = good.Select((grain, i) => storage.WriteStateAsync(StateName, grain, State(i))).ToList();
        var badWrite = storage.WriteStateAsync(StateName, tooLong, State(42));

        var failure = await Assert.ThrowsAsync<PostgresException>(() => badWrite);
        Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, failure.SqlState);
        await Task.WhenAll(goodWrites);
        Assert.Equal(5L, await PostgresDatabase.ScalarAsync<long>(
            "SELECT count(*) FROM OrleansStorage WHERE ServiceId = @s", ("s", service)));
    }

    [Fact]
    public async Task WriteState_LargePayloadsRetriedOneByOne_EachRowHoldsItsOwnBytes()
    {
        // Each payload is serialized into a rented buffer and handed back once its write has run. The bad row makes the
        // batch fail and every write run again alone. This pool overwrites each buffer it gets back, so a buffer handed
        // back before its write's last statement was built (at the batch's failure, say) stores '#'s, or fails.
        var service = NewServiceId();
        var pool = new RecordingArrayPool(spoilWith: (byte)'#');
        // All 41 writes leave in one batch, however long serializing them takes: it waits until it is full.
        await using var storage = GroupCommit(service, configure: o =>
        {
            o.MaxBatchSize = 41;
            o.BatchDelay = TimeSpan.FromMinutes(1);
        }, payloads: pool);
        var grains = Enumerable.Range(0, 40).Select(_ => NewGrain()).ToArray();
        var states = grains.Select((_, i) => State(i)).ToArray();
        for (var i = 0; i < states.Length; i++)
        {
            states[i].State!.Note = string.Concat(Enumerable.Repeat($"grain {i:D2} record;", 1_000 + (i * 600)));
        }

        var tooLong = LongerThanItsColumnAllows();
        var writes = grains.Select((grain, i) => storage.WriteStateAsync(StateName, grain, states[i])).ToList();
        var badWrite = storage.WriteStateAsync(StateName, tooLong, State(99));

        var failure = await Assert.ThrowsAsync<PostgresException>(() => badWrite);
        Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, failure.SqlState);
        await Task.WhenAll(writes);
        // Each write committed alone, after the shared batch failed: 40 transactions.
        Assert.Equal(40L, await PostgresDatabase.ScalarAsync<long>(
            "SELECT count(DISTINCT xmin::text) FROM OrleansStorage WHERE ServiceId = @s", ("s", service)));
        Assert.True(pool.Rented >= 41, $"{pool.Rented} arrays rented");
        Assert.Equal(pool.Rented, pool.Returned);
        Assert.Equal(0, pool.ReturnedDirty);
        await using var fresh = GroupCommit(service);
        for (var i = 0; i < grains.Length; i++)
        {
            var read = await ReadAsync(fresh, grains[i]);
            Assert.Equal(states[i].State!.Note, read.State!.Note);
            Assert.Equal(i, read.State.Count);
        }
    }

    /// <summary>A grain whose id is longer than GrainIdExtensionString allows: the database rejects its row.</summary>
    private static Runtime.GrainId LongerThanItsColumnAllows() => Runtime.GrainId.Create("probe", new string('k', 2_000));

    [Fact]
    public async Task ClearState_KeepsTheRowEmptyAndVersioned_AndWritesContinueFromIt()
    {
        var service = NewServiceId();
        await using var storage = GroupCommit(service);
        var grain = NewGrain();
        var state = State(7);
        await storage.WriteStateAsync(StateName, grain, state);

        await storage.ClearStateAsync(StateName, grain, state);

        Assert.Equal(("2", false), (state.ETag, state.RecordExists));
        var cleared = await ReadAsync(storage, grain);
        Assert.Equal(("2", false, 0), (cleared.ETag, cleared.RecordExists, cleared.State!.Count));
        cleared.State!.Count = 8;
        await storage.WriteStateAsync(StateName, grain, cleared);
        Assert.Equal(8, (await ReadAsync(storage, grain)).State!.Count);
        Assert.Equal("3", cleared.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain, State(0, etag: "2")));
    }

    [Fact]
    public async Task ClearState_WithDeleteOnClear_RemovesTheRow()
    {
        var service = NewServiceId();
        await using var storage = GroupCommit(service, configure: o => o.DeleteStateOnClear = true);
        var grain = NewGrain();
        var state = State(7);
        await storage.WriteStateAsync(StateName, grain, state);

        await storage.ClearStateAsync(StateName, grain, state);

        Assert.Equal((null, false), (state.ETag, state.RecordExists));
        Assert.Equal(0L, await PostgresDatabase.ScalarAsync<long>(
            "SELECT count(*) FROM OrleansStorage WHERE ServiceId = @s", ("s", service)));
        var again = await ReadAsync(storage, grain);
        Assert.Equal((null, false), (again.ETag, again.RecordExists));
    }

    [Fact]
    public async Task ReadState_NoRow_GivesANewStateAndNoETag()
    {
        await using var storage = GroupCommit(NewServiceId());

        var state = await ReadAsync(storage, NewGrain());

        Assert.Equal((null, false, 0, ""), (state.ETag, state.RecordExists, state.State!.Count, state.State!.Note));
    }
}
