using System.Buffers;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Fin.Silo.Hosting;
using Orleans.Fin.Silo.Storage;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Orleans.Fin.PostgresTests.Storage;

/// <summary>Grain storage providers built directly against a database, with the silo's serializer and a fresh service id.</summary>
public static class StorageHarness
{
    private static readonly IActivatorProvider Activators =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<IActivatorProvider>();

    public const string StateName = "probe";

    public static string NewServiceId() => "storage-" + Guid.NewGuid().ToString("N")[..10];

    public static GroupCommitGrainStorage GroupCommit(string serviceId, string? connectionString = null,
        Action<GroupCommitStorageOptions>? configure = null, bool rows = true, ArrayPool<byte>? payloads = null)
    {
        var options = new GroupCommitStorageOptions { ConnectionString = connectionString ?? PostgresDatabase.ConnectionString };
        configure?.Invoke(options);
        return new GroupCommitGrainStorage("fin", serviceId, options, SiloHostingExtensions.StorageSerializer(rows), Activators,
            NullLogger<GroupCommitGrainStorage>.Instance) { PayloadPool = payloads };
    }

    public static async Task<IGrainStorage> AdoNetAsync(string serviceId)
    {
        var options = new AdoNetGrainStorageOptions
        {
            Invariant = SiloHostingExtensions.PostgresInvariant,
            ConnectionString = PostgresDatabase.ConnectionString,
            GrainStorageSerializer = SiloHostingExtensions.StorageSerializer(),
        };
        var storage = new AdoNetGrainStorage(Activators, NullLogger<AdoNetGrainStorage>.Instance, Options.Create(options),
            Options.Create(new ClusterOptions { ServiceId = serviceId, ClusterId = serviceId }), "fin");
        var lifecycle = new StartingLifecycle();
        storage.Participate(lifecycle);
        await lifecycle.StartAsync();
        return storage;
    }

    public static GrainId NewGrain() => GrainId.Create("probe", "p-" + Guid.NewGuid().ToString("N"));

    public static GrainState<ProbeState> State(int count, string? etag = null) =>
        new(new ProbeState { Count = count, Amount = count * 1.01m, Note = "n" + count }) { ETag = etag };

    public static async Task<GrainState<ProbeState>> ReadAsync(IGrainStorage storage, GrainId grain)
    {
        var state = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StateName, grain, state);
        return state;
    }

    /// <summary>Holds a row lock in another session so that a batch touching the row waits inside its transaction.</summary>
    public static async Task<NpgsqlConnection> LockRowAsync(string connectionString, string service, GrainId grain)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // Left open on purpose: the lock lasts until the connection is disposed (or the server goes away).
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT 1 FROM OrleansStorage WHERE ServiceId = @s AND GrainIdExtensionString = @k FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("s", service);
        command.Parameters.AddWithValue("k", grain.Key.ToString()!);
        Assert.Equal(1, await command.ExecuteScalarAsync());
        return connection;
    }

    public static async Task<int> WaitForBlockedBackendAsync(string connectionString, string application)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await using var command = new NpgsqlCommand(
                "SELECT pid FROM pg_stat_activity WHERE application_name = @a AND wait_event_type = 'Lock'", connection);
            command.Parameters.AddWithValue("a", application);
            if (await command.ExecuteScalarAsync() is int pid)
            {
                return pid;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The batch never reached the locked row.");
    }
}
