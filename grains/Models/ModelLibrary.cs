using System.Collections.Concurrent;

namespace Orleans.Fin.Models;

/// <summary>
/// The model versions this silo has loaded, by name, version and weights hash: read once from grain storage, checked
/// against the hash, then kept (a version's bytes never change). Thread-safe.
/// </summary>
public sealed class ModelLibrary(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<(string Name, string Version, string Hash), Lazy<Task<LoadedModel>>> _loaded = new();

    public Task<LoadedModel> Get(string name, string version, string weightsHash)
    {
        var lazy = _loaded.GetOrAdd((name, version, weightsHash), key => new Lazy<Task<LoadedModel>>(() => LoadAsync(key.Name, key.Version, key.Hash)));
        return lazy.Value.ContinueWith(
            t =>
            {
                if (t.IsFaulted)
                {
                    _loaded.TryRemove((name, version, weightsHash), out _); // a later call tries again
                }

                return t;
            },
            TaskScheduler.Default).Unwrap();
    }

    /// <summary>Puts an already loaded model in (the shipped ones at start, a job's freshly trained one).</summary>
    public void Add(string name, LoadedModel model) =>
        _loaded.TryAdd((name, model.Version, model.WeightsHash), new Lazy<Task<LoadedModel>>(Task.FromResult(model)));

    private async Task<LoadedModel> LoadAsync(string name, string version, string hash)
    {
        var weights = await grains.GetGrain<IModelWeightsGrain>(IModelWeightsGrain.KeyOf(name, version)).Get()
            ?? throw new InvalidOperationException($"No stored weights for {name}/{version}.");
        return await Task.Run(() => ModelCodec.Load(weights, hash));
    }
}
