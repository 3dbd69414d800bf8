using Orleans.Fin.Common;

namespace Orleans.Fin.Models;

/// <summary>
/// Sums what the silos report of each version's live scoring (counts, score and key-feature bins) for drift and usage.
/// Reports arrive every few seconds from each silo; the sums are written at once (a report is small).
/// </summary>
public sealed class ModelMonitorGrain(
    [PersistentState("model-monitor", FinNames.Storage)] IPersistentState<ModelMonitorState> state) : Grain, IModelMonitorGrain
{
    public async Task Report(IReadOnlyList<ShadowTally> tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        foreach (var tally in tallies)
        {
            var stored = state.State.Versions.Find(v => v.Version == tally.Version);
            if (stored is null)
            {
                stored = new StoredTally { Version = tally.Version };
                state.State.Versions.Add(stored);
            }

            stored.Add(tally);
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ShadowTally>> Get() =>
        Task.FromResult<IReadOnlyList<ShadowTally>>([.. state.State.Versions.Select(v => v.ToTally())]);
}

public sealed class ModelMonitorState
{
    public int SchemaVersion { get; set; } = 1;
    public List<StoredTally> Versions { get; set; } = [];
}

public sealed class StoredTally
{
    public string Version { get; set; } = "";
    public long Scored { get; set; }
    public long Acted { get; set; }
    public List<long> ScoreBins { get; set; } = [];
    public Dictionary<string, List<long>> FeatureBins { get; set; } = [];

    public void Add(ShadowTally tally)
    {
        Scored += tally.Scored;
        Acted += tally.Acted;
        AddInto(ScoreBins, tally.ScoreBins);
        foreach (var (feature, bins) in tally.FeatureBins)
        {
            if (!FeatureBins.TryGetValue(feature, out var stored))
            {
                FeatureBins[feature] = stored = [];
            }

            AddInto(stored, bins);
        }
    }

    public ShadowTally ToTally() => new(
        Version, Scored, Acted, [.. ScoreBins], FeatureBins.ToDictionary(f => f.Key, f => (IReadOnlyList<long>)[.. f.Value], StringComparer.Ordinal));

    private static void AddInto(List<long> into, IReadOnlyList<long> counts)
    {
        while (into.Count < counts.Count)
        {
            into.Add(0);
        }

        for (var i = 0; i < counts.Count; i++)
        {
            into[i] += counts[i];
        }
    }
}
