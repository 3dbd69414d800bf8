using System.Globalization;
using Orleans.Fin.ProfileReport;

// Summarises a profile of a node under load: CPU by what it is spent on, next to the CPU the node, the load tool and
// everything else used in the same window (measured by profile.sh from /proc). The profile is a dotnet-trace
// cpu-sampling trace (TRACE.nettrace) or the text `perf script` printed from a cycle profile (any other file).
//
//   Orleans.Fin.ProfileReport TRACE.nettrace|PERF-SCRIPT.txt [--node-cpu S] [--load-cpu S] [--db-cpu S] [--other-cpu S] [--wall S] [--cores N]
//                                            [--requests N] [--detail N]
//                                            [--stacks FRAME-PREFIX]   (the commonest stacks through a frame)
if (args.Length == 0 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: Orleans.Fin.ProfileReport TRACE.nettrace|PERF-SCRIPT.txt [--node-cpu S] [--load-cpu S] [--db-cpu S] [--other-cpu S] [--wall S] [--cores N] [--requests N] [--detail N]");
    return 2;
}

var options = new Dictionary<string, double>(StringComparer.Ordinal);
string? stacksOf = null;
for (var i = 1; i + 1 < args.Length; i += 2)
{
    if (args[i] == "--stacks")
    {
        stacksOf = args[i + 1];
        continue;
    }

    options[args[i].TrimStart('-')] = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
}

double? Option(string name) => options.TryGetValue(name, out var value) ? value : null;

var eventPipe = args[0].EndsWith(".nettrace", StringComparison.Ordinal);
var samples = eventPipe ? TraceSamples.Read(args[0]) : PerfScriptSamples.Read(args[0]);
var gc = eventPipe ? GcSummary.Read(args[0]) : null;
var window = new CpuWindow(Option("node-cpu"), Option("load-cpu"), Option("db-cpu"), Option("other-cpu"), Option("wall"), (int)(Option("cores") ?? Environment.ProcessorCount),
    (long?)Option("requests"));
new ProfileTable(samples, gc, window).Print(Console.Out, (int)(Option("detail") ?? 5));
if (stacksOf is not null)
{
    StackSamples.Print(Console.Out, samples, stacksOf, 3);
}

return 0;
