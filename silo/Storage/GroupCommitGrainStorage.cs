using System.Buffers;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Fin.Common;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Orleans.Fin.Silo.Storage;

/// <summary>
/// Grain storage on PostgreSQL that shares round trips: concurrent writes from many grains leave in one batch that
/// PostgreSQL runs as one transaction, and concurrent reads leave in one batch. Each caller is released only after its
/// own answer is durable; a write whose ETag is stale fails alone with <see cref="InconsistentStateException"/> while
/// the rest of its batch commits. Rows, versions and payloads are those of deploy/sql/020-persistence.sql, the same
/// contract the Orleans ADO.NET provider uses, so either provider reads what the other wrote.
/// </summary>
public sealed partial class GroupCommitGrainStorage : IGrainStorage, IAsyncDisposable, IDisposable
{
    private static readonly Meter Meter = new(FinNames.MeterName);
    private static readonly Histogram<int> BatchSizes =
        Meter.CreateHistogram<int>("fin.storage.batch.size", description: "Grain-state operations per PostgreSQL round trip.");

    private readonly string name;
    private readonly string serviceId;
    private readonly GroupCommitStorageOptions options;
    private readonly IGrainStorageSerializer serializer;
    private readonly IActivatorProvider activators;
    private readonly ILogger<GroupCommitGrainStorage> logger;
    private readonly NpgsqlDataSource dataSource;
    private readonly OperationBatcher<PendingWrite> writes;
    private readonly OperationBatcher<PendingRead> reads;
    private int disposed;

    /// <summary>Where write payloads are rented; tests give a pool that spoils what it gets back.</summary>
    internal ArrayPool<byte>? PayloadPool { get; init; }

    public GroupCommitGrainStorage(string name, string serviceId, GroupCommitStorageOptions options, IGrainStorageSerializer serializer,
        IActivatorProvider activators, ILogger<GroupCommitGrainStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.name = name;
        this.serviceId = serviceId;
        this.options = options;
        this.serializer = serializer;
        this.activators = activators;
        this.logger = logger;
        dataSource = NpgsqlDataSource.Create(options.PoolConnectionString());
        writes = new OperationBatcher<PendingWrite>(CommitAsync, options.MaxBatchSize, options.BatchDelay, options.MaxBatchesInFlight);
        reads = new OperationBatcher<PendingRead>(FetchAsync, options.MaxBatchSize, options.BatchDelay, options.MaxBatchesInFlight);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var read = new PendingRead(serviceId, GrainRowKey.From(stateName, grainId));
        await reads.Enqueue(read);
        grainState.State = read.Payload is { } payload
            ? serializer.Deserialize<T>(new BinaryData(payload))
            : activators.GetActivator<T>().Create();
        grainState.ETag = Format(read.Version);
        grainState.RecordExists = read.Payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = GrainRowKey.From(stateName, grainId);
        using var pooled = serializer is IStateBufferSerializer ? new PooledPayload(PayloadPool) : null;
        Func<ReadOnlyMemory<byte>> payload;
        if (pooled is not null)
        {
            // The bytes stay rented until the write's batch has run (and any retry of it alone): its task completes
            // only then, whether it succeeded or failed. On a broken connection Npgsql may still be copying them
            // into that connection's dead socket, which sends nothing to the server.
            ((IStateBufferSerializer)serializer).Serialize(grainState.State, pooled);
            payload = () => pooled.Written;
        }
        else
        {
            var bytes = serializer.Serialize(grainState.State).ToMemory();
            payload = () => bytes;
        }

        var write = new PendingWrite(serviceId, key, StateChange.Write, Parse(grainState.ETag), payload);
        await writes.Enqueue(write);
        grainState.ETag = Format(write.NewVersion ?? throw Conflict("WriteState", key, grainId, grainState.ETag));
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (!grainState.RecordExists && string.IsNullOrWhiteSpace(grainState.ETag))
        {
            await ReadStateAsync(stateName, grainId, grainState);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        var key = GrainRowKey.From(stateName, grainId);
        var change = options.DeleteStateOnClear ? StateChange.Delete : StateChange.Clear;
        var clear = new PendingWrite(serviceId, key, change, Parse(grainState.ETag), payload: null);
        await writes.Enqueue(clear);
        var version = clear.NewVersion ?? throw Conflict("ClearState", key, grainId, grainState.ETag);
        grainState.ETag = change == StateChange.Delete ? null : Format(version);
        grainState.RecordExists = false;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await writes.DisposeAsync();
        await reads.DisposeAsync();
        await dataSource.DisposeAsync();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Runs a batch of writes in one round trip: the statements and one Sync, which PostgreSQL runs as one implicit
    /// transaction. Callers are released only after the server has reported the commit. A row-level error (bad data,
    /// a constraint) would roll back every neighbour, so then each write is retried on its own and only the bad one fails.
    /// </summary>
    private async Task CommitAsync(IReadOnlyList<PendingWrite> batch)
    {
        BatchSizes.Record(batch.Count, new KeyValuePair<string, object?>("operation", "write"));
        try
        {
            await RunTogetherAsync(batch);
        }
        catch (PostgresException rowError) when (batch.Count > 1 && IsRowError(rowError))
        {
            LogRowErrorIsolated(logger, name, batch.Count, rowError.SqlState);
            foreach (var write in batch)
            {
                try
                {
                    await RunTogetherAsync([write]);
                }
                catch (Exception failure) when (failure is NpgsqlException or InvalidOperationException)
                {
                    write.Fail(failure);
                }
            }
        }
        catch (Exception failure)
        {
            LogBatchFailed(logger, failure, name, "write", batch.Count);
            throw;
        }
    }

    private async Task FetchAsync(IReadOnlyList<PendingRead> batch)
    {
        BatchSizes.Record(batch.Count, new KeyValuePair<string, object?>("operation", "read"));
        try
        {
            await RunTogetherAsync(batch);
        }
        catch (Exception failure)
        {
            LogBatchFailed(logger, failure, name, "read", batch.Count);
            throw;
        }
    }

    private async Task RunTogetherAsync<TOperation>(IReadOnlyList<TOperation> operations)
        where TOperation : PendingOperation
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        foreach (var operation in operations)
        {
            batch.BatchCommands.Add(operation.ToCommand());
        }

        try
        {
            await using var reader = await batch.ExecuteReaderAsync();
            foreach (var operation in operations)
            {
                await operation.ReadAnswerAsync(reader);
                await reader.NextResultAsync();
            }

            // Closing reads up to the server's ReadyForQuery, i.e. past the commit of the implicit transaction.
            await reader.CloseAsync();
        }
        catch (Exception failure) when (failure is not PostgresException rowError || !IsRowError(rowError))
        {
            // The connection or the server failed: the idle pooled connections are most likely dead as well, so the
            // next batch opens fresh ones instead of failing on a stale socket.
            dataSource.Clear();
            throw;
        }

        foreach (var operation in operations)
        {
            operation.Succeed();
        }
    }

    /// <summary>Errors caused by one statement's data, not by the connection or the server.</summary>
    private static bool IsRowError(PostgresException error) =>
        error.SqlState.StartsWith("22", StringComparison.Ordinal) // data exception (e.g. a value too long)
        || error.SqlState.StartsWith("23", StringComparison.Ordinal) // integrity constraint violation
        || error.SqlState.StartsWith("54", StringComparison.Ordinal); // program limit exceeded

    private InconsistentStateException Conflict(string operation, GrainRowKey key, GrainId grainId, string? etag) =>
        new($"Version conflict ({operation}): ServiceId={serviceId} ProviderName={name} GrainType={key.GrainType} GrainId={grainId} ETag={etag}.");

    private static int? Parse(string? etag) =>
        string.IsNullOrWhiteSpace(etag) ? null : int.Parse(etag, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string? Format(int? version) => version?.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain storage {Provider}: a {Operation} batch of {Count} failed; every operation in it reports the failure")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string provider, string operation, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain storage {Provider}: a write batch of {Count} hit a row error ({SqlState}); retrying its writes one by one")]
    private static partial void LogRowErrorIsolated(ILogger logger, string provider, int count, string sqlState);
}
