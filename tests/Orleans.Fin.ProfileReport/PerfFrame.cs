namespace Orleans.Fin.ProfileReport;

/// <summary>
/// One frame line of <c>perf script</c> output, named the way the EventPipe sampler names frames, so one
/// <see cref="CpuCategory"/> classifies both. A .NET method from the runtime's perf map
/// ("instance void [Orleans.Runtime] Orleans.Runtime.Catalog::Get(...)[OptimizedTier1]+0x1f (/tmp/perf-42.map)")
/// becomes "Orleans.Runtime.Catalog.Get(...)"; native code keeps its library ("libcoreclr.so"), the kernel is "[kernel]".
/// </summary>
public readonly record struct PerfFrame(string Method, string Library)
{
    public const string Kernel = "[kernel]";

    public bool IsManaged => Method.Length > 0 && Library.Length == 0;

    public static PerfFrame Parse(string line)
    {
        var text = line.Trim();
        var space = text.IndexOf(' ');
        text = space < 0 ? string.Empty : text[(space + 1)..]; // the address
        var library = string.Empty;
        if (text.EndsWith(')') && text.LastIndexOf(" (", StringComparison.Ordinal) is var open and >= 0)
        {
            library = text[(open + 2)..^1];
            text = text[..open];
        }

        if (text.StartsWith("stub ", StringComparison.Ordinal))
        {
            return new PerfFrame(string.Empty, "stub"); // the runtime's generated helpers: write barriers, dispatch
        }

        if (Path.GetFileName(library).StartsWith("perf-", StringComparison.Ordinal) && library.EndsWith(".map", StringComparison.Ordinal))
        {
            return new PerfFrame(ManagedName(text), string.Empty);
        }

        var name = library == "[kernel.kallsyms]" ? Kernel : Path.GetFileName(library);
        return new PerfFrame(string.Empty, name.Length == 0 ? "unknown" : name);
    }

    /// <summary>"instance bool [Asm] Ns.Type`1[X]::Method(args)[OptimizedTier1]+0x3" is "Ns.Type`1[X].Method(args)".</summary>
    public static string ManagedName(string text)
    {
        var plus = text.LastIndexOf("+0x", StringComparison.Ordinal);
        if (plus >= 0)
        {
            text = text[..plus];
        }

        if (text.EndsWith(']') && text.LastIndexOf(")[", StringComparison.Ordinal) is var tier and >= 0)
        {
            text = text[..(tier + 1)]; // the code's tier: [OptimizedTier1], [QuickJitted], [PreJIT]
        }

        var separator = text.IndexOf("::", StringComparison.Ordinal);
        if (separator < 0)
        {
            return text;
        }

        // The method's assembly is the last "[Assembly] " before the type; the return type may hold others.
        var assembly = text.LastIndexOf("] ", separator, StringComparison.Ordinal);
        var start = assembly < 0 ? 0 : assembly + 2;
        return string.Concat(text.AsSpan(start, separator - start), ".", text.AsSpan(separator + 2));
    }
}
