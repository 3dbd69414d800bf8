using Orleans.Fin.Silo.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.Fin.ClusterTests.Cost;

/// <summary>The platform's grain storage, counting every read and write, and the bytes each write stores, by grain type on a <see cref="GrainCostMeter"/>.</summary>
public sealed class CountingGrainStorage(IGrainStorage inner, GrainCostMeter meter) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    // Counts the bytes the platform's storage writes: its serializer's payload.
    private static readonly IGrainStorageSerializer Payloads = SiloHostingExtensions.StorageSerializer();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        meter.CountRead(grainId.Type.ToString()!);
        return inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        meter.CountWrite(grainId.Type.ToString()!, stateName, Payloads.Serialize(grainState.State).ToMemory().Length);
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        meter.CountWrite(grainId.Type.ToString()!, stateName, 0);
        return inner.ClearStateAsync(stateName, grainId, grainState);
    }

    public void Participate(ISiloLifecycle observer) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(observer);
}
