using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Orleans.Fin.Silo.Storage;

/// <summary>
/// Grain storage for a silo that is the whole cluster (the embedded node): every grain's state is kept in this process,
/// serialized, keyed by state name and grain id. It keeps the contract of Orleans' memory provider as the platform uses
/// it, without that provider's grain call per read and write (its states live in storage grains so that every silo of a
/// cluster reaches them, which a single silo does not need):
/// <list type="bullet">
/// <item>a state is stored as the storage serializer's bytes, so a grain's later in-place changes never reach what is
/// stored, and every read returns a copy of its own;</item>
/// <item>a write or clear whose ETag is not the stored one throws <see cref="InconsistentStateException"/> and changes
/// nothing; each write gets a new ETag, never one this storage gave out before, so an ETag from before a clear is stale
/// too; "*" matches any; as in the memory provider, a state never written or cleared accepts a write without an ETag, and
/// a key never written accepts any ETag;</item>
/// <item>a cleared state reads as never written (no ETag, <c>RecordExists</c> false, a new state).</item>
/// </list>
/// A cleared state is remembered (so that an ETag from before the clear stays stale) unless the storage deletes on clear:
/// then it is forgotten, and an absent key refuses a write or clear that names an ETag, as a row deleted from PostgreSQL
/// does, since no ETag but "*" can match a state that is not there. The platform's node deletes: the only states it
/// clears are the risk engine's replaced cold parts, each under a name of its own and never written again, and
/// remembering every one would grow without bound.
/// Only for a single silo: another silo would not see these states. They are lost when the process ends, as the memory
/// provider's are.
/// </summary>
public sealed class InProcessGrainStorage(string name, IGrainStorageSerializer serializer, IActivatorProvider activators, bool deleteOnClear = false) : IGrainStorage
{
    private const string AnyETag = "*";

    private readonly ConcurrentDictionary<StateKey, StoredState> _states = new();
    private long _lastVersion;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Completed(() => Read(new StateKey(stateName, grainId), grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Completed(() => Write(new StateKey(stateName, grainId), grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Completed(() => Clear(new StateKey(stateName, grainId), grainState));

    /// <summary>Every operation finishes inside the caller's turn; a failure is reported through the task, as by a storage that awaits.</summary>
    private static Task Completed(Action operation)
    {
        try
        {
            operation();
            return Task.CompletedTask;
        }
        catch (Exception failure)
        {
            return Task.FromException(failure);
        }
    }

    private void Read<T>(StateKey key, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = _states.TryGetValue(key, out var stored) ? stored.Payload : null;
        var loaded = payload is null ? default : serializer.Deserialize<T>(payload);
        grainState.State = loaded ?? activators.GetActivator<T>().Create();
        grainState.ETag = payload is null ? null : stored!.ETag;
        grainState.RecordExists = loaded is not null;
    }

    private void Write<T>(StateKey key, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var written = new StoredState(serializer.Serialize(grainState.State), NextETag());
        Replace(key, grainState.ETag, written, "write");
        grainState.ETag = written.ETag;
        grainState.RecordExists = true;
    }

    private void Clear<T>(StateKey key, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);

        if (deleteOnClear)
        {
            Delete(key, grainState.ETag);
        }
        else
        {
            // The cleared state is remembered, not removed: a key never written would accept any ETag.
            Replace(key, grainState.ETag, new StoredState(null, ""), "clear");
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = activators.GetActivator<T>().Create();
    }

    /// <summary>
    /// Puts <paramref name="replacement"/> in place of the stored state if <paramref name="etag"/> matches it, atomically:
    /// when another writer replaced the state between the check and the swap, the check runs again on what it stored.
    /// </summary>
    private void Replace(StateKey key, string? etag, StoredState replacement, string operation)
    {
        while (true)
        {
            if (!_states.TryGetValue(key, out var current))
            {
                RefuseIfDeleted(key, etag, operation);
                if (_states.TryAdd(key, replacement))
                {
                    return;
                }

                continue;
            }

            if (!current.Accepts(etag))
            {
                throw new InconsistentStateException(
                    $"ETag mismatch ({operation}): ProviderName={name} StateName={key.StateName} GrainId={key.GrainId} Stored={current.ETag} Received={etag}.",
                    current.ETag, etag);
            }

            // Compares by reference: the swap happens only if the state checked above is still the one stored.
            if (_states.TryUpdate(key, replacement, current))
            {
                return;
            }
        }
    }

    /// <summary>Removes the state if <paramref name="etag"/> matches it, atomically (as <see cref="Replace"/>).</summary>
    private void Delete(StateKey key, string? etag)
    {
        while (_states.TryGetValue(key, out var current))
        {
            if (!current.Accepts(etag))
            {
                throw new InconsistentStateException(
                    $"ETag mismatch (clear): ProviderName={name} StateName={key.StateName} GrainId={key.GrainId} Stored={current.ETag} Received={etag}.",
                    current.ETag, etag);
            }

            if (_states.TryRemove(new KeyValuePair<StateKey, StoredState>(key, current)))
            {
                return;
            }
        }

        RefuseIfDeleted(key, etag, "clear");
    }

    /// <summary>
    /// When states are deleted on clear, an absent key may be one deleted after the caller read it: an ETag other than "*"
    /// names a state that is no longer there, and is refused (no ETag means the caller saw no state, and is let through).
    /// </summary>
    private void RefuseIfDeleted(StateKey key, string? etag, string operation)
    {
        if (deleteOnClear && !string.IsNullOrEmpty(etag) && etag != AnyETag)
        {
            throw new InconsistentStateException(
                $"ETag mismatch ({operation}): ProviderName={name} StateName={key.StateName} GrainId={key.GrainId} Stored=(none) Received={etag}.",
                string.Empty, etag);
        }
    }

    private string NextETag() => Interlocked.Increment(ref _lastVersion).ToString(CultureInfo.InvariantCulture);

    private readonly record struct StateKey(string StateName, GrainId GrainId);

    /// <summary>A stored state: its serialized payload and ETag, or a cleared state (no payload, an empty ETag).</summary>
    private sealed class StoredState(BinaryData? payload, string etag)
    {
        public BinaryData? Payload { get; } = payload;

        public string ETag { get; } = etag;

        /// <summary>Whether a write or clear that saw <paramref name="received"/> may replace this state.</summary>
        public bool Accepts(string? received) =>
            received == AnyETag || (Payload is null ? string.IsNullOrEmpty(received) : received == ETag);
    }
}
