using System.Collections.Concurrent;
using Orleans.Fin.Models.Domain;

namespace Orleans.Fin.Models;

/// <summary>
/// Counts, per model and version, what this silo scored (and acted on) and the bins of scores and key features, until
/// the next report to the model's monitor grain. Thread-safe; scoring only increments counters.
/// </summary>
public sealed class ShadowRecorder
{
    private readonly ConcurrentDictionary<(string Model, string Version), Counter> _counters = new();

    public void Record(string model, string version, double score, bool acted, Func<string, double> feature)
    {
        var counter = _counters.GetOrAdd((model, version), key => new Counter(FeatureBands.Of(key.Model)));
        counter.Add(score, acted, feature);
    }

    /// <summary>Takes what was counted for <paramref name="model"/> since the last call.</summary>
    public IReadOnlyList<ShadowTally> Drain(string model)
    {
        List<ShadowTally> tallies = [];
        foreach (var key in _counters.Keys.Where(k => k.Model == model).ToList())
        {
            if (_counters.TryRemove(key, out var counter))
            {
                tallies.Add(counter.ToTally(key.Version));
            }
        }

        return tallies;
    }

    /// <summary>Puts tallies back (their report failed), so nothing counted is lost.</summary>
    public void Restore(string model, IReadOnlyList<ShadowTally> tallies)
    {
        foreach (var tally in tallies)
        {
            _counters.GetOrAdd((model, tally.Version), _ => new Counter(FeatureBands.Of(model))).Add(tally);
        }
    }

    private sealed class Counter(IReadOnlyDictionary<string, IReadOnlyList<double>> bands)
    {
        private readonly Lock _gate = new();
        private readonly long[] _scores = new long[ScoreBands.Bins];
        private readonly Dictionary<string, long[]> _features = bands.ToDictionary(b => b.Key, b => new long[b.Value.Count], StringComparer.Ordinal);
        private long _scored;
        private long _acted;

        public void Add(double score, bool acted, Func<string, double> feature)
        {
            lock (_gate)
            {
                _scored++;
                _acted += acted ? 1 : 0;
                _scores[ScoreBands.BinOf(score)]++;
                foreach (var (name, edges) in bands)
                {
                    _features[name][FeatureBands.BinOf(edges, feature(name))]++;
                }
            }
        }

        public void Add(ShadowTally tally)
        {
            lock (_gate)
            {
                _scored += tally.Scored;
                _acted += tally.Acted;
                AddInto(_scores, tally.ScoreBins);
                foreach (var (name, bins) in tally.FeatureBins)
                {
                    if (_features.TryGetValue(name, out var into))
                    {
                        AddInto(into, bins);
                    }
                }
            }
        }

        public ShadowTally ToTally(string version)
        {
            lock (_gate)
            {
                return new ShadowTally(version, _scored, _acted, [.. _scores], _features.ToDictionary(f => f.Key, f => (IReadOnlyList<long>)[.. f.Value], StringComparer.Ordinal));
            }
        }

        private static void AddInto(long[] into, IReadOnlyList<long> counts)
        {
            for (var i = 0; i < Math.Min(into.Length, counts.Count); i++)
            {
                into[i] += counts[i];
            }
        }
    }
}
