using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;
using static Orleans.Fin.PostgresTests.Storage.StorageHarness;

namespace Orleans.Fin.PostgresTests.Storage;

/// <summary>
/// PostgreSQL failing under a batch in flight: every write of that batch must fail (none may report success without
/// its commit), no row may change, and the next writes must succeed.
/// </summary>
public sealed class GroupCommitFailureTests
{
    private const int Grains = 8;

    [Fact]
    public async Task WriteState_ConnectionKilledMidBatch_EveryWriteInItFailsAndLaterWritesSucceed()
    {
        var service = NewServiceId();
        var application = "fin-kill-" + Guid.NewGuid().ToString("N")[..8];
        var connection = $"{PostgresDatabase.ConnectionString};Application Name={application}";
        await using var storage = GroupCommit(service, connection, OneSlowBatch);
        var (grains, states) = await SeedAsync(storage);

        await using (var blocker = await LockRowAsync(PostgresDatabase.ConnectionString, service, grains[0]))
        {
            var writes = WriteAll(storage, grains, states);
            var backend = await WaitForBlockedBackendAsync(PostgresDatabase.ConnectionString, application);
            Assert.True(await PostgresDatabase.ScalarAsync<bool>("SELECT pg_terminate_backend(@pid)", ("pid", backend)));

            await AssertAllFailAsync(writes);
        }

        await AssertRowsAtVersionAsync(PostgresDatabase.ConnectionString, service, version: 1);
        await Task.WhenAll(WriteAll(storage, grains, states));
        Assert.All(states, state => Assert.Equal("2", state.ETag));
        await AssertRowsAtVersionAsync(PostgresDatabase.ConnectionString, service, version: 2);
    }

    [Fact]
    public async Task WriteState_ServerRestartedMidBatch_EveryWriteInItFailsAndLaterWritesSucceed()
    {
        await using var server = await PrivatePostgres.StartAsync();
        var service = NewServiceId();
        var application = "fin-restart-" + Guid.NewGuid().ToString("N")[..8];
        await using var storage = GroupCommit(service, $"{server.ConnectionString};Application Name={application}", OneSlowBatch);
        var (grains, states) = await SeedAsync(storage);

        var blocker = await LockRowAsync(server.ConnectionString, service, grains[0]);
        var writes = WriteAll(storage, grains, states);
        await WaitForBlockedBackendAsync(server.ConnectionString, application);
        await server.StopAsync();
        await AssertAllFailAsync(writes);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => storage.WriteStateAsync(StateName, grains[1], states[1]));
        try
        {
            await blocker.DisposeAsync();
        }
        catch (PostgresException ended) when (ended.SqlState == PostgresErrorCodes.AdminShutdown)
        {
            // The locking session went down with the server, as it should.
        }

        await server.RestartAsync();
        await AssertRowsAtVersionAsync(server.ConnectionString, service, version: 1);
        await Task.WhenAll(WriteAll(storage, grains, states));
        Assert.All(states, state => Assert.Equal("2", state.ETag));
        await AssertRowsAtVersionAsync(server.ConnectionString, service, version: 2);
    }

    /// <summary>
    /// One batch in flight at a time, gathered long enough that all the test's writes share it even on a machine busy
    /// with other test assemblies (at 300 ms a late write once formed a second batch that did not touch the locked row).
    /// </summary>
    private static void OneSlowBatch(Silo.Storage.GroupCommitStorageOptions options)
    {
        options.BatchDelay = TimeSpan.FromSeconds(2);
        options.MaxBatchesInFlight = 1;
    }

    private static async Task<(GrainId[] Grains, GrainState<ProbeState>[] States)> SeedAsync(Silo.Storage.GroupCommitGrainStorage storage)
    {
        var grains = Enumerable.Range(0, Grains).Select(_ => NewGrain()).ToArray();
        var states = grains.Select((_, i) => State(i)).ToArray();
        await Task.WhenAll(grains.Select((grain, i) => storage.WriteStateAsync(StateName, grain, states[i])));
        foreach (var state in states)
        {
            state.State!.Count += 100;
        }

        return (grains, states);
    }

    private static Task[] WriteAll(Silo.Storage.GroupCommitGrainStorage storage, GrainId[] grains, GrainState<ProbeState>[] states) =>
        grains.Select((grain, i) => storage.WriteStateAsync(StateName, grain, states[i])).ToArray();

    private static async Task AssertAllFailAsync(Task[] writes)
    {
        foreach (var write in writes)
        {
            var failure = await Assert.ThrowsAnyAsync<NpgsqlException>(() => write);
            Assert.IsNotType<InconsistentStateException>(failure);
        }
    }

    private static async Task AssertRowsAtVersionAsync(string connectionString, string service, int version)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE Version = @v), count(*) FROM OrleansStorage WHERE ServiceId = @s", connection);
        command.Parameters.AddWithValue("v", version);
        command.Parameters.AddWithValue("s", service);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(((long)Grains, (long)Grains), (reader.GetInt64(0), reader.GetInt64(1)));
    }
}
