using System.Collections.Concurrent;
using Orleans.Fin.Silo.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.Fin.ClusterTests;

/// <summary>
/// The platform's grain storage with faults on demand: the write chosen in <see cref="FaultInjection.FailingWrites"/>
/// (or in <see cref="FaultInjection.FailStateWrite"/>, of one of the grain's states) fails, either before it reaches storage or after it committed (the answer lost), as do the writes planned by
/// <see cref="StorageFaults"/> for one call.
/// </summary>
public sealed class FaultyGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly IGrainStorageSerializer Serializer = SiloHostingExtensions.StorageSerializer();

    /// <summary>Writes sent but not yet stored (<see cref="WriteFault.LandsLate"/>), by state name and grain.</summary>
    private readonly ConcurrentDictionary<(string, GrainId), Func<Task>> _late = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        StorageFaults.BeforeWrite(grainId);
        if (_late.TryRemove((stateName, grainId), out var landing))
        {
            await landing();
        }

        var fault = FaultInjection.TakeWriteFault(stateName, grainId.Key.ToString()!);
        if (fault == WriteFault.LandsLate)
        {
            // As sent: a copy, for the grain goes on changing its state.
            var sent = new GrainState<T>(Serializer.Deserialize<T>(Serializer.Serialize(grainState.State))) { ETag = grainState.ETag };
            _late[(stateName, grainId)] = () => inner.WriteStateAsync(stateName, grainId, sent);
            throw new TimeoutException($"Injected: the write of {grainId} was sent and is not stored yet.");
        }

        if (fault == WriteFault.BeforeCommit)
        {
            throw new TimeoutException($"Injected: the write of {grainId} did not reach storage.");
        }

        var etag = grainState.ETag;
        await inner.WriteStateAsync(stateName, grainId, grainState);
        if (fault is WriteFault.AfterCommit or WriteFault.AnswerLost)
        {
            if (fault == WriteFault.AnswerLost)
            {
                grainState.ETag = etag;
            }

            throw new TimeoutException($"Injected: the write of {grainId} committed but its answer was lost.");
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle observer) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(observer);
}
