using Orleans.Fin.Common;

namespace Orleans.Fin.Models;

/// <summary>
/// The bytes of one model version in grain storage, written once: a second silo or a restarted one loads exactly
/// these bytes and checks them against the registry's weights hash.
/// </summary>
public sealed class ModelWeightsGrain(
    [PersistentState("model-weights", FinNames.Storage)] IPersistentState<ModelWeightsState> state) : Grain, IModelWeightsGrain
{
    public async Task Put(ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (state.State.Model.Length > 0)
        {
            if (!state.State.Model.AsSpan().SequenceEqual(weights.Model))
            {
                throw new FinException(FinErrorCode.Conflict, $"Model {this.GetPrimaryKeyString()} is already stored with other bytes.");
            }

            return;
        }

        state.State = new ModelWeightsState { Name = weights.Name, Version = weights.Version, Model = weights.Model, CardJson = weights.CardJson };
        await state.WriteStateAsync();
    }

    public Task<ModelWeights?> Get() => Task.FromResult(state.State.Model.Length == 0
        ? null
        : new ModelWeights(state.State.Name, state.State.Version, state.State.Model, state.State.CardJson));
}

public sealed class ModelWeightsState
{
    public int SchemaVersion { get; set; } = 1;
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
    public byte[] Model { get; set; } = [];
    public string CardJson { get; set; } = "";
}
