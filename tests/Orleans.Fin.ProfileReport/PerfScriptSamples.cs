namespace Orleans.Fin.ProfileReport;

/// <summary>
/// The samples of <c>perf script</c> output (a cycle profile taken with <c>perf record -g</c> and the runtime's perf
/// map). Unlike the EventPipe sampler, perf samples only threads that are on a CPU, and sees native code: the
/// collector's threads, the JIT, the runtime's helpers and the kernel. A sample is classified by its thread first
/// (the collector, the tiered compiler), then by its managed frames as <see cref="CpuCategory"/> does; a wait at the
/// leaf is a spin (it was on a CPU), and a stack with no managed frame is native runtime or kernel work.
/// </summary>
public static class PerfScriptSamples
{
    public static TraceSamples Read(string path)
    {
        var result = new TraceSamples();
        string? thread = null;
        List<PerfFrame> frames = new(64);
        foreach (var line in File.ReadLines(path).Append(string.Empty))
        {
            if (line.Length == 0)
            {
                if (thread is not null)
                {
                    Add(result, thread, frames);
                }

                thread = null;
                frames.Clear();
            }
            else if (!char.IsWhiteSpace(line[0]))
            {
                thread = ThreadName(line);
            }
            else if (thread is not null)
            {
                frames.Add(PerfFrame.Parse(line));
            }
        }

        return result;
    }

    /// <summary>"OpenTelemetry-P 22684 62746.633847:    2004008 cpu-clock:pppH:" is "OpenTelemetry-P": the name may hold spaces.</summary>
    public static string ThreadName(string header)
    {
        var parts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var pid = Array.FindIndex(parts, p => p.All(char.IsAsciiDigit));
        return pid <= 0 ? header : string.Join(' ', parts[..pid]);
    }

    public static (string Category, string? Type) Classify(string thread, IReadOnlyList<PerfFrame> frames)
    {
        if (thread.StartsWith(".NET Server GC", StringComparison.Ordinal) || thread.StartsWith(".NET BGC", StringComparison.Ordinal)
            || thread.StartsWith(".NET GC", StringComparison.Ordinal))
        {
            return (CpuCategory.Gc, null);
        }

        if (thread.StartsWith(".NET Tiered Com", StringComparison.Ordinal) || frames.Any(f => f.Library == "libclrjit.so"))
        {
            return (CpuCategory.Jit, null);
        }

        var managed = frames.Select(f => f.IsManaged ? f.Method : string.Empty).ToList();
        if (!managed.Any(m => m.Length > 0))
        {
            return (frames.Count > 0 && frames.All(f => f.Library == PerfFrame.Kernel) ? CpuCategory.Kernel : CpuCategory.NativeRuntime, null);
        }

        var (category, type) = CpuCategory.Classify(managed);
        return (category == CpuCategory.Idle ? CpuCategory.Spin : category, type);
    }

    private static void Add(TraceSamples samples, string thread, List<PerfFrame> frames)
    {
        var (category, type) = Classify(thread, frames);
        var leaf = frames.Count == 0 ? "(none)" : frames[0].IsManaged ? frames[0].Method : frames[0].Library;
        samples.Add(category, type, leaf, frames.Where(f => f.IsManaged).Select(f => f.Method).ToArray());
    }
}
