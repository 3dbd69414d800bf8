using System.Globalization;

namespace Orleans.Fin.MemoryBench;

/// <summary>The heap and activations at each phase of the run, and what they come to per customer and per activation.</summary>
public sealed class MemoryReport(int customers)
{
    /// <summary>The node the figures are for: 24 GiB.</summary>
    public const double NodeBytes = 24d * 1024 * 1024 * 1024;
    private readonly List<(string Name, long Heap, long Delta, Dictionary<string, int> Added)> _phases = [];
    private readonly List<long> _idleHeaps = [];
    private long _baseline;
    private long _previous;
    private int _steady = -1;
    private Dictionary<string, int> _activations = new(StringComparer.Ordinal);

    /// <summary>The warmed-up node's heap before the population.</summary>
    public long BaselineHeap => _baseline;

    public void Baseline(long heap, Dictionary<string, int> activations)
    {
        _baseline = _previous = heap;
        _activations = activations;
    }

    /// <summary>
    /// Records a phase; its delta is against the previous phase, or against the baseline when it resets to it. The
    /// steady-state figure is the phase marked <paramref name="steady"/>, else the last one.
    /// </summary>
    public void Phase(string name, long heap, Dictionary<string, int> activations, bool resetsToBaseline = false, bool steady = false)
    {
        var since = resetsToBaseline ? _baseline : _previous;
        var added = activations
            .Select(a => (a.Key, Count: a.Value - (resetsToBaseline ? 0 : _activations.GetValueOrDefault(a.Key))))
            .Where(a => a.Count != 0)
            .ToDictionary(a => a.Key, a => a.Count, StringComparer.Ordinal);
        _phases.Add((name, heap, heap - since, added));
        if (resetsToBaseline)
        {
            _idleHeaps.Add(heap);
        }

        _previous = heap;
        _activations = activations;
        if (steady)
        {
            _steady = _phases.Count - 1;
        }

        Console.WriteLine(F($"{DateTime.UtcNow:HH:mm:ss}") + Line(_phases[^1]));
    }

    public void Print(TextWriter output)
    {
        output.WriteLine(F($"baseline heap {_baseline / 1048576.0:F1} MiB; {customers} customers"));
        foreach (var phase in _phases)
        {
            output.WriteLine(Line(phase));
        }

        var populated = _phases[0].Heap - _baseline;
        var idle = string.Join(", then ", _idleHeaps.Select(h => F($"{(double)(h - _baseline) / customers:F0}")));
        var perActive = (double)populated / customers;
        var steady = (double)(_phases[_steady >= 0 ? _steady : ^1].Heap - _baseline) / customers;
        output.WriteLine(F($"bytes per customer: just populated {perActive:F0} ({perActive / 1024:F1} KiB); idle {idle}; steady active {steady:F0} ({steady / 1024:F1} KiB)"));
        output.WriteLine(F($"active customers per 24 GiB node (steady): {(NodeBytes - _baseline) / steady:N0} (all of it for grains), {(NodeBytes * 0.7 - _baseline) / steady:N0} (70% for grains)"));
    }

    private string Line((string Name, long Heap, long Delta, Dictionary<string, int> Added) phase)
    {
        var types = string.Join(", ", phase.Added.OrderByDescending(a => Math.Abs(a.Value)).Take(8)
            .Select(a => F($"{a.Key} {a.Value:+#;-#;0}")));
        var activations = phase.Added.Values.Sum();
        var perActivation = activations > 0 ? F($"{(double)phase.Delta / activations,7:F0} B/activation") : "";
        return F($"  {phase.Name,-32} heap {phase.Heap / 1048576.0,8:F1} MiB  delta {phase.Delta / 1048576.0,8:F1} MiB = {(double)phase.Delta / customers,7:F0} B/customer {perActivation}  [{types}]");
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
