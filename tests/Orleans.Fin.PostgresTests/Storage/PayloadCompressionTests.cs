using static Orleans.Fin.PostgresTests.Storage.StorageHarness;

namespace Orleans.Fin.PostgresTests.Storage;

/// <summary>Large grain payloads are compressed with lz4, set up by deploy/sql/020-persistence.sql.</summary>
public sealed class PayloadCompressionTests
{
    [Fact]
    public async Task WriteState_LargePayload_StoredCompressedWithLz4AndReadBack()
    {
        var service = NewServiceId();
        var grain = NewGrain();
        var state = State(7);
        state.State!.Note = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"record {i % 50};"));
        await using (var storage = GroupCommit(service))
        {
            await storage.WriteStateAsync(StateName, grain, state);
        }

        var method = await PostgresDatabase.ScalarAsync<string>(
            "SELECT pg_column_compression(PayloadBinary) FROM OrleansStorage WHERE ServiceId = @s", ("s", service));
        var stored = await PostgresDatabase.ScalarAsync<int>(
            "SELECT pg_column_size(PayloadBinary) FROM OrleansStorage WHERE ServiceId = @s", ("s", service));
        var raw = await PostgresDatabase.ScalarAsync<int>(
            "SELECT octet_length(PayloadBinary) FROM OrleansStorage WHERE ServiceId = @s", ("s", service));

        Assert.Equal("lz4", method);
        Assert.True(stored < raw / 4, $"stored {stored} bytes of {raw}");
        await using var fresh = GroupCommit(service);
        var read = await ReadAsync(fresh, grain);
        Assert.Equal(state.State.Note, read.State!.Note);
        Assert.Equal(7, read.State.Count);
    }
}
