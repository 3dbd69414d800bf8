using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.Silo.Hosting;
using Orleans.Fin.Silo.Storage;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Orleans.Fin.ClusterTests.Storage;

/// <summary>The embedded node's grain storage keeps the contract of Orleans' memory provider, driven directly.</summary>
public sealed class InProcessGrainStorageTests
{
    private const string StateName = "probe";

    private static readonly IActivatorProvider Activators =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<IActivatorProvider>();

    private readonly CountingSerializer _serializer = new(SiloHostingExtensions.StorageSerializer());
    private readonly InProcessGrainStorage _storage;

    public InProcessGrainStorageTests() => _storage = new InProcessGrainStorage("fin", _serializer, Activators);

    [Fact]
    public async Task ReadState_NeverWritten_NewStateWithoutETagOrRecord()
    {
        var read = await ReadAsync(NewGrain());

        Assert.NotNull(read.State);
        Assert.Equal(0, read.State!.Count);
        Assert.Empty(read.State!.Notes);
        Assert.Null(read.ETag);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task WriteState_ThenRead_TheWrittenStateThroughTheSerializer()
    {
        var grain = NewGrain();
        var written = Probe(3, 0.1m + 0.2m, "first", "second");

        await _storage.WriteStateAsync(StateName, grain, written);
        var read = await ReadAsync(grain);

        Assert.Equal(3, read.State!.Count);
        Assert.Equal(0.3m, read.State!.Amount);
        Assert.Equal("first|second", string.Join('|', read.State!.Notes));
        Assert.NotNull(written.ETag);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(written.RecordExists);
        Assert.True(read.RecordExists);
        Assert.Equal(1, _serializer.Serialized);
        Assert.Equal(1, _serializer.Deserialized);
    }

    [Fact]
    public async Task WriteState_StateChangedInPlaceAfterwards_StoredStateUnchanged()
    {
        var grain = NewGrain();
        var written = Probe(5, 12.5m, "kept");
        await _storage.WriteStateAsync(StateName, grain, written);

        written.State!.Count = 99;
        written.State!.Notes.Add("never written");
        var first = await ReadAsync(grain);
        first.State!.Notes.Clear();
        var second = await ReadAsync(grain);

        Assert.Equal(5, second.State!.Count);
        Assert.Equal("kept", Assert.Single(second.State!.Notes));
        Assert.NotSame(first.State, second.State);
    }

    [Fact]
    public async Task WriteState_EachWrite_ANewETag()
    {
        var grain = NewGrain();
        var state = Probe(1);
        var etags = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < 5; i++)
        {
            state.State!.Count = i;
            await _storage.WriteStateAsync(StateName, grain, state);
            Assert.True(etags.Add(state.ETag!));
        }

        Assert.Equal(4, (await ReadAsync(grain)).State!.Count);
    }

    [Fact]
    public async Task WriteState_StaleETag_ThrowsAndChangesNothing()
    {
        var (grain, first) = await WrittenOnceAsync(1);
        var staleETag = first.ETag;
        var stale = Probe(2, etag: staleETag);
        first.State!.Count = 10;
        await _storage.WriteStateAsync(StateName, grain, first);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grain, stale));

        Assert.Equal(first.ETag, conflict.StoredEtag);
        Assert.Equal(staleETag, conflict.CurrentEtag);
        Assert.Equal(staleETag, stale.ETag);
        var read = await ReadAsync(grain);
        Assert.Equal(10, read.State!.Count);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteState_NoETagOverAStoredState_Throws()
    {
        var (grain, _) = await WrittenOnceAsync(1);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grain, Probe(2)));

        Assert.Equal(1, (await ReadAsync(grain)).State!.Count);
    }

    [Fact]
    public async Task WriteState_AnyETag_Overwrites()
    {
        var (grain, _) = await WrittenOnceAsync(1);

        await _storage.WriteStateAsync(StateName, grain, Probe(2, etag: "*"));

        Assert.Equal(2, (await ReadAsync(grain)).State!.Count);
    }

    [Fact]
    public async Task WriteState_ETagOnAKeyNeverWritten_AcceptedAsByTheMemoryProvider()
    {
        var grain = NewGrain();

        await _storage.WriteStateAsync(StateName, grain, Probe(7, etag: "from-elsewhere"));

        Assert.Equal(7, (await ReadAsync(grain)).State!.Count);
    }

    [Fact]
    public async Task WriteState_SameGrainOtherStateName_KeptApart()
    {
        var grain = NewGrain();
        await _storage.WriteStateAsync(StateName, grain, Probe(1));
        await _storage.WriteStateAsync("other", grain, Probe(2));
        await _storage.WriteStateAsync(StateName, NewGrain(), Probe(3));

        Assert.Equal(1, (await ReadAsync(grain)).State!.Count);
    }

    [Fact]
    public async Task ClearState_CurrentETag_ReadsAsNeverWritten()
    {
        var grain = NewGrain();
        var state = Probe(4, 1m, "gone");
        await _storage.WriteStateAsync(StateName, grain, state);

        await _storage.ClearStateAsync(StateName, grain, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0, state.State!.Count);
        var read = await ReadAsync(grain);
        Assert.Null(read.ETag);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State!.Count);
        Assert.Empty(read.State!.Notes);
    }

    [Fact]
    public async Task ClearState_StaleETag_ThrowsAndKeepsTheState()
    {
        var (grain, state) = await WrittenOnceAsync(4);
        var staleETag = state.ETag;
        state.State!.Count = 5;
        await _storage.WriteStateAsync(StateName, grain, state);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => _storage.ClearStateAsync(StateName, grain, Probe(0, etag: staleETag)));

        Assert.Equal(state.ETag, conflict.StoredEtag);
        var read = await ReadAsync(grain);
        Assert.True(read.RecordExists);
        Assert.Equal(5, read.State!.Count);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task ClearState_DeletingOnClear_ForgetsTheStateAndRefusesEveryETagFromBefore()
    {
        var deleting = new InProcessGrainStorage("fin", _serializer, Activators, deleteOnClear: true);
        var grain = NewGrain();
        var state = Probe(4, 1m, "gone");
        await deleting.WriteStateAsync(StateName, grain, state);
        var fromBefore = Probe(2, etag: state.ETag);
        state.State!.Count = 5;
        await deleting.WriteStateAsync(StateName, grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => deleting.ClearStateAsync(StateName, grain, Probe(0, etag: fromBefore.ETag)));
        var lastETag = state.ETag;
        await deleting.ClearStateAsync(StateName, grain, state);

        var read = new GrainState<ProbeState>();
        await deleting.ReadStateAsync(StateName, grain, read);
        Assert.False(read.RecordExists);
        // Forgotten, not remembered, and still no ETag from before the delete matches: as a row deleted from PostgreSQL.
        await Assert.ThrowsAsync<InconsistentStateException>(() => deleting.WriteStateAsync(StateName, grain, fromBefore));
        await Assert.ThrowsAsync<InconsistentStateException>(() => deleting.WriteStateAsync(StateName, grain, Probe(3, etag: lastETag)));
        await Assert.ThrowsAsync<InconsistentStateException>(() => deleting.ClearStateAsync(StateName, grain, Probe(3, etag: lastETag)));
        await deleting.ReadStateAsync(StateName, grain, read);
        Assert.False(read.RecordExists);

        // A writer that saw no state (no ETag) creates it again.
        await deleting.WriteStateAsync(StateName, grain, Probe(2));
        await deleting.ReadStateAsync(StateName, grain, read);
        Assert.Equal(2, read.State!.Count);
    }

    [Fact]
    public async Task WriteState_AfterClear_AcceptsNoETagAndRefusesAnETagFromBeforeTheClear()
    {
        var (grain, state) = await WrittenOnceAsync(1);
        var fromBefore = Probe(2, etag: state.ETag);
        await _storage.ClearStateAsync(StateName, grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grain, fromBefore));
        await _storage.WriteStateAsync(StateName, grain, Probe(3));

        Assert.Equal(3, (await ReadAsync(grain)).State!.Count);
    }

    [Fact]
    public async Task WriteState_ActivationsRacingWithOneETag_ExactlyOneWins()
    {
        const int Writers = 8;
        for (var round = 0; round < 200; round++)
        {
            var grain = NewGrain();
            var seed = Probe(-1);
            await _storage.WriteStateAsync(StateName, grain, seed);
            var writers = Enumerable.Range(0, Writers).Select(i => Probe(i, etag: seed.ETag)).ToArray();
            using var start = new Barrier(Writers);

            var outcomes = await Task.WhenAll(writers.Select(writer => Task.Run(async () =>
            {
                start.SignalAndWait();
                try
                {
                    await _storage.WriteStateAsync(StateName, grain, writer);
                    return true;
                }
                catch (InconsistentStateException)
                {
                    return false;
                }
            })));

            var winner = writers[Assert.Single(Enumerable.Range(0, Writers), i => outcomes[i])];
            var read = await ReadAsync(grain);
            Assert.Equal(winner.State!.Count, read.State!.Count);
            Assert.Equal(winner.ETag, read.ETag);
        }
    }

    [Fact]
    public async Task WriteState_ManyGrainsFromManyThreads_EveryStateKept()
    {
        var storage = new InProcessGrainStorage("fin", SiloHostingExtensions.StorageSerializer(), Activators);
        var grains = Enumerable.Range(0, 2_000).Select(_ => NewGrain()).ToArray();
        var states = grains.Select((_, i) => Probe(i)).ToArray();

        await Parallel.ForEachAsync(Enumerable.Range(0, grains.Length), async (i, _) =>
        {
            await storage.WriteStateAsync(StateName, grains[i], states[i]);
            states[i].State!.Count += 10_000;
            await storage.WriteStateAsync(StateName, grains[i], states[i]);
        });

        Assert.Equal(grains.Length, states.Select(s => s.ETag).Distinct(StringComparer.Ordinal).Count());
        for (var i = 0; i < grains.Length; i++)
        {
            var read = new GrainState<ProbeState>();
            await storage.ReadStateAsync(StateName, grains[i], read);
            Assert.Equal(i + 10_000, read.State!.Count);
            Assert.Equal(states[i].ETag, read.ETag);
        }
    }

    /// <summary>A new grain whose state was written once, and that state with the ETag the write gave it.</summary>
    private async Task<(GrainId Grain, GrainState<ProbeState> State)> WrittenOnceAsync(int count)
    {
        var grain = NewGrain();
        var state = Probe(count);
        await _storage.WriteStateAsync(StateName, grain, state);
        return (grain, state);
    }

    private static GrainId NewGrain() => GrainId.Create("probe", "p-" + Guid.NewGuid().ToString("N"));

    private static GrainState<ProbeState> Probe(int count, decimal amount = 0m, params string[] notes) =>
        new(new ProbeState { Count = count, Amount = amount, Notes = [.. notes] });

    private static GrainState<ProbeState> Probe(int count, string? etag) => new(new ProbeState { Count = count }) { ETag = etag };

    private async Task<GrainState<ProbeState>> ReadAsync(GrainId grain)
    {
        var state = new GrainState<ProbeState>();
        await _storage.ReadStateAsync(StateName, grain, state);
        return state;
    }
}
