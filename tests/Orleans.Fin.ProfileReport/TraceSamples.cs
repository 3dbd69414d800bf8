using Microsoft.Diagnostics.Tracing.Etlx;

namespace Orleans.Fin.ProfileReport;

/// <summary>The thread samples of a trace (EventPipe, or <see cref="PerfScriptSamples"/>), each classified by <see cref="CpuCategory"/>, with its leaf method.</summary>
public sealed class TraceSamples
{
    private const string SampleProvider = "Microsoft-DotNETCore-SampleProfiler";

    public List<(string Category, string? Type, string Leaf)> Samples { get; } = [];

    /// <summary>The resolved frames of each sample, leaf first (same order as <see cref="Samples"/>).</summary>
    public List<string[]> Stacks { get; } = [];

    public void Add(string category, string? type, string leaf, string[] stack)
    {
        Samples.Add((category, type, leaf));
        Stacks.Add(stack);
    }

    public static TraceSamples Read(string path)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(path, Path.ChangeExtension(path, ".etlx"));
        using var log = new TraceLog(etlx);
        var result = new TraceSamples();
        var frames = new List<string>(64);
        foreach (var sample in log.Events)
        {
            if (sample.ProviderName != SampleProvider)
            {
                continue;
            }

            frames.Clear();
            for (var frame = sample.CallStack(); frame is not null; frame = frame.Caller)
            {
                frames.Add(frame.CodeAddress.FullMethodName ?? string.Empty);
            }

            var (category, type) = CpuCategory.Classify(frames);
            result.Add(category, type, frames.FirstOrDefault(f => f.Length > 0) ?? "(native)", frames.Where(f => f.Length > 0).ToArray());
        }

        return result;
    }
}
