using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Analysis;

namespace Orleans.Fin.ProfileReport;

/// <summary>
/// The collections in a trace: how many, the time the runtime was paused for them, the time they ran in all and
/// the heaps (one for workstation GC, one per core for server GC) that worked on them.
/// </summary>
public sealed record GcSummary(int Count, double PauseSeconds, double DurationSeconds, int Heaps)
{
    public static GcSummary Read(string path)
    {
        using var source = new EventPipeEventSource(path);
        source.NeedLoadedDotNetRuntimes();
        source.Process();
        var collections = source.Processes().Select(p => p.LoadedDotNetRuntime()).Where(r => r is not null)
            .SelectMany(r => r.GC.GCs).ToList();
        return new GcSummary(collections.Count, collections.Sum(c => c.PauseDurationMSec) / 1000,
            collections.Sum(c => c.DurationMSec) / 1000, collections.Count == 0 ? 1 : collections.Max(c => c.HeapCount));
    }
}
