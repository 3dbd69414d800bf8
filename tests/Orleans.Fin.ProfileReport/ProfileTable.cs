using System.Globalization;

namespace Orleans.Fin.ProfileReport;

/// <summary>
/// The report: where the machine's CPU went in the window, then the node's CPU by component. The EventPipe sampler
/// sees managed threads only, so GC work (native threads, runtime suspended) is estimated from the collections'
/// durations (<paramref name="gc"/>) and the rest of the node's CPU is split in proportion to the busy samples. A
/// cycle profile (perf, no <paramref name="gc"/>) samples the collector and the JIT itself, so every row is a share of samples.
/// </summary>
public sealed class ProfileTable(TraceSamples samples, GcSummary? gc, CpuWindow window)
{
    public void Print(TextWriter output, int detail)
    {
        var busy = samples.Samples.Where(s => s.Category != CpuCategory.Idle).ToList();
        output.WriteLine(Invariant($"samples: {samples.Samples.Count:N0} thread samples, {busy.Count:N0} busy (not waiting)"));
        PrintMachine(output);

        var gcCpu = window.NodeCpu is { } node && gc is not null ? Math.Min(node, gc.DurationSeconds * Math.Min(gc.Heaps, window.Cores)) : (double?)null;
        if (gc is not null)
        {
            output.WriteLine(Invariant(
                $"GC: {gc.Count} collections, {gc.Heaps} heap(s), runtime paused {gc.PauseSeconds:F2} s{Share(gc.PauseSeconds, window.Wall, "of wall time")}, collections ran {gc.DurationSeconds:F2} s"));
        }

        output.WriteLine();
        output.WriteLine("| node CPU spent on | busy samples | share of node CPU | cores | µs per request |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        var nonGc = window.NodeCpu is { } total ? total - (gcCpu ?? 0) : (double?)null;
        foreach (var category in CpuCategory.All.Where(c => c != CpuCategory.Idle))
        {
            var count = busy.Count(s => s.Category == category);
            if (count == 0 && category is CpuCategory.Gc or CpuCategory.Jit or CpuCategory.NativeRuntime or CpuCategory.Kernel)
            {
                continue; // what only a cycle profile can see
            }

            var seconds = nonGc * count / Math.Max(1, busy.Count);
            PrintRow(output, category, count.ToString("N0", CultureInfo.InvariantCulture), count / (double)Math.Max(1, busy.Count), seconds);
        }

        if (gcCpu is { } gcSeconds)
        {
            PrintRow(output, "GC (estimated: collection time × min(heaps, cores))", "—", null, gcSeconds);
        }

        output.WriteLine(Invariant($"| idle samples (waiting threads, not CPU) | {samples.Samples.Count - busy.Count:N0} | | | |"));
        output.WriteLine();
        PrintTop(output, "our grain code by type", busy.Where(s => s.Category == CpuCategory.Grains).Select(s => s.Type ?? "?"), busy.Count, 12);
        PrintTop(output, "risk engine by type", busy.Where(s => s.Category == CpuCategory.Risk).Select(s => s.Type ?? "?"), busy.Count, 12);
        foreach (var category in CpuCategory.All)
        {
            PrintTop(output, "leaf methods: " + category, samples.Samples.Where(s => s.Category == category).Select(s => s.Leaf), busy.Count, detail);
        }
    }

    private void PrintMachine(TextWriter output)
    {
        if (window.Wall is not { } wall)
        {
            return;
        }

        var capacity = wall * window.Cores;
        output.WriteLine(Invariant($"window: {wall:F1} s wall on {window.Cores} cores = {capacity:F1} core-seconds"));
        void Line(string name, double? seconds)
        {
            if (seconds is { } s)
            {
                output.WriteLine(Invariant($"  {name,-16} {s,7:F2} core-s = {s / wall:F2} cores ({s / capacity:P1} of the machine)"));
            }
        }

        Line("node", window.NodeCpu);
        Line("load tool", window.LoadCpu);
        Line("PostgreSQL", window.DatabaseCpu is > 0 ? window.DatabaseCpu : null);
        Line("other processes", window.OtherCpu);
        Line("idle", capacity - (window.NodeCpu ?? 0) - (window.LoadCpu ?? 0) - (window.DatabaseCpu ?? 0) - (window.OtherCpu ?? 0));
        if (window.Requests is > 0 and { } requests)
        {
            output.WriteLine(Invariant($"  {requests:N0} requests completed: {requests / wall:F0}/s"));
            output.WriteLine(Invariant($"  CPU per request: node {window.NodeCpu * 1e6 / requests:F0} µs, load tool {window.LoadCpu * 1e6 / requests:F0} µs"));
            if (window.NodeCpu is { } n && window.LoadCpu is { } l)
            {
                var database = window.DatabaseCpu ?? 0;
                output.WriteLine(Invariant(
                    $"  ceiling with node, load tool{(database > 0 ? " and PostgreSQL" : string.Empty)} alone on {window.Cores} cores: {window.Cores * requests / (n + l + database):F0} requests/s"));
            }
        }
    }

    private void PrintRow(TextWriter output, string name, string count, double? share, double? seconds)
    {
        var nodeShare = seconds / window.NodeCpu;
        var cores = seconds / window.Wall;
        var perRequest = window.Requests is > 0 ? seconds * 1e6 / window.Requests : null;
        output.WriteLine(Invariant(
            $"| {name} | {count} | {(nodeShare ?? share)?.ToString("P1", CultureInfo.InvariantCulture) ?? "—"} | {cores?.ToString("F2", CultureInfo.InvariantCulture) ?? "—"} | {perRequest?.ToString("F0", CultureInfo.InvariantCulture) ?? "—"} |"));
    }

    private static void PrintTop(TextWriter output, string title, IEnumerable<string> names, int busy, int count)
    {
        var top = names.GroupBy(n => n, StringComparer.Ordinal).Select(g => (Name: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).Take(count).ToList();
        if (top.Count == 0 || count == 0)
        {
            return;
        }

        output.WriteLine(title + " (share of busy samples):");
        foreach (var (name, n) in top)
        {
            output.WriteLine(Invariant($"  {n / (double)Math.Max(1, busy),6:P1}  {(name.Length > 150 ? name[..150] : name)}"));
        }
    }

    private static string Share(double part, double? whole, string of) =>
        whole is > 0 ? Invariant($" ({part / whole:P1} {of})") : string.Empty;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
