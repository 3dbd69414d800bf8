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
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        StorageFaults.BeforeWrite(grainId);
        var fault = FaultInjection.TakeWriteFault(stateName, grainId.Key.ToString()!);
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
