namespace Orleans.Fin.ProfileReport;

/// <summary>
/// What a CPU sample is spent on, decided from its call stack: the frame nearest the leaf that names a component
/// decides, so library code (collections, System.Text.Json, tasks) counts for the component that called it.
/// A sample whose leaf is a wait (an idle pool thread, a socket poll, a sleeping timer) is idle.
/// </summary>
public static class CpuCategory
{
    public const string Idle = "idle (threads waiting: pool, socket poll, timers)";
    public const string Http = "HTTP server: Kestrel, routing, middleware, request/response JSON";
    public const string Auth = "auth: JWT validation";
    public const string Api = "our API code (endpoints, filters, problem writer)";
    public const string Grains = "our grain code";
    public const string Risk = "risk engine: fraud rules, features, scoring (Orleans.Fin.Risk)";
    public const string MachineLearning = "ML.NET model scoring (Microsoft.ML)";
    public const string Storage = "grain storage (memory provider / group commit, state JSON)";
    public const string Serialization = "Orleans serialization (codecs, deep copies)";
    public const string Messaging = "Orleans messaging + scheduling (calls, activations, turns)";
    public const string Streams = "Orleans streams (memory queue, delivery)";
    public const string Dashboard = "Orleans dashboard (per-call profiler, counters)";
    public const string Logging = "logging";
    public const string Telemetry = "metrics + tracing (OpenTelemetry, diagnostics)";
    public const string Spin = "thread pool spinning for work before it sleeps";
    public const string Runtime = "runtime: thread pool, tasks, timers, unattributed";

    // Seen only by a cycle profile (perf), which samples native code too.
    public const string Gc = "GC: the collector's threads";
    public const string Jit = "JIT: compiling (tiered compilation)";
    public const string NativeRuntime = "native code perf could not walk back to managed code (socket sends, crypto, runtime)";
    public const string Kernel = "kernel with no managed caller (scheduler, interrupts)";

    /// <summary>The order rows are printed in.</summary>
    public static readonly string[] All = [Http, Auth, Api, Grains, Risk, MachineLearning, Storage, Serialization, Messaging, Streams, Dashboard, Logging, Telemetry, Spin, Runtime, Gc, Jit, NativeRuntime, Kernel, Idle];

    private static readonly string[] WaitLeaves =
    [
        "System.Threading.Monitor.Wait", "System.Threading.WaitHandle.Wait", "System.Threading.LowLevelLifoSemaphore.Wait",
        "System.Threading.LowLevelMonitor.Wait", "System.Threading.Thread.Sleep", "System.Threading.SemaphoreSlim.Wait",
        "System.Threading.ManualResetEventSlim.Wait", "System.Threading.Thread.Join", "Interop+Sys.WaitForSocketEvents",
        "Interop+Sys.Poll", "System.Threading.WaitSubsystem", "System.Threading.Tasks.Task.InternalWait",
        "System.Threading.Tasks.Task.SpinThenBlockingWait", "System.Threading.Tasks.Task.Wait",
        "System.Threading.PortableThreadPool+GateThread.GateThreadStart", "System.Threading.TimerQueue.TimerThread",
        "System.Threading.Thread.SleepInternal", "System.Threading.Lock.Wait", "System.IO.StreamReader.ReadLine",
        "System.Net.Sockets.SocketAsyncEngine.EventLoop", "System.IO.FileSystemWatcher+RunningInstance.TryReadEvent",
    ];

    // Checked in order for each frame; the first rule a frame matches decides that frame's component.
    private static readonly (string Prefix, string Category)[] Rules =
    [
        ("Microsoft.IdentityModel.", Auth), ("System.IdentityModel.", Auth), ("Microsoft.AspNetCore.Authentication", Auth),
        ("Orleans.Fin.Api.", Api), ("Orleans.Fin.Silo.Storage.", Storage), ("Orleans.Fin.Silo.", Api),
        ("Orleans.Fin.Common.StateJsonSerializer", Storage), ("Orleans.Fin.Common.StateStrings", Storage),
        ("OrleansCodeGen.Orleans.Fin.Api.", Serialization), ("Microsoft.ML", MachineLearning), ("Orleans.Fin.Risk.", Risk),
        ("Orleans.Fin.", Grains),
        ("Orleans.Storage.", Storage), ("Orleans.Core.StateStorageBridge", Storage), ("Orleans.Runtime.StateStorageBridge", Storage),
        ("Npgsql.", Storage),
        ("Orleans.Serialization.Invocation.", Messaging), ("Orleans.Serialization.", Serialization),
        ("OrleansCodeGen.", Messaging), ("Orleans.Streams.", Streams), ("Orleans.Providers.Streams.", Streams),
        ("Orleans.Dashboard.", Dashboard), ("Orleans.Providers.MemoryStreamQueueGrain", Streams), ("Orleans.Providers.", Streams),
        ("Orleans.", Messaging),
        ("Microsoft.Extensions.Logging", Logging), ("Serilog", Logging),
        ("OpenTelemetry", Telemetry), ("System.Diagnostics.Metrics", Telemetry), ("System.Diagnostics.Activity", Telemetry),
        ("System.Diagnostics.DiagnosticListener", Telemetry),
        ("Microsoft.AspNetCore.", Http), ("Microsoft.Extensions.Http", Http), ("System.IO.Pipelines", Http),
        ("Microsoft.Net.Http.Headers", Http),
    ];

    /// <summary>
    /// The category of one sample and, for our own code, the type that spent it. Frames run from the leaf to the
    /// root; unresolved frames (native code) are empty strings and are skipped.
    /// </summary>
    public static (string Category, string? Type) Classify(IReadOnlyList<string> frames)
    {
        // The socket engine's thread sits in epoll; the file watcher's in a blocking read one frame below its loop.
        var resolved = frames.Where(f => f.Length > 0).Take(2).ToList();
        if (resolved.Count == 0 || resolved.Any(f => WaitLeaves.Any(w => f.StartsWith(w, StringComparison.Ordinal)) && (f == resolved[0] || f.Contains("FileSystemWatcher", StringComparison.Ordinal))))
        {
            return (Idle, null);
        }

        if (resolved[0].StartsWith("System.Threading.LowLevelSpinWaiter.", StringComparison.Ordinal)
            || resolved[0].StartsWith("System.Threading.PortableThreadPool+WorkerThread.WorkerThreadStart", StringComparison.Ordinal))
        {
            return (Spin, null);
        }

        foreach (var frame in frames)
        {
            if (frame.Length == 0)
            {
                continue;
            }

            if (frame.StartsWith("Orleans.", StringComparison.Ordinal) && IsInstruments(frame))
            {
                return (Telemetry, null); // Orleans' own meters, observed by the dashboard and the metrics exporter
            }

            foreach (var (prefix, category) in Rules)
            {
                if (frame.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return (category, category is Grains or Risk ? TypeOf(frame) : null);
                }
            }
        }

        return (Runtime, null);
    }

    /// <summary>A method of an Orleans *Instruments type, nested types included ("DirectoryInstruments+CacheSizeObserverRegistration.Observe()").</summary>
    private static bool IsInstruments(string frame)
    {
        var end = frame.IndexOfAny(['+', '(', '`', '[']);
        var name = end < 0 ? frame : frame[..end];
        var type = end < 0 || frame[end] == '(' ? name[..Math.Max(0, name.LastIndexOf('.'))] : name;
        return type.EndsWith("Instruments", StringComparison.Ordinal);
    }

    /// <summary>"Orleans.Fin.Accounts.AccountGrain+&lt;PostAsync&gt;d__5.MoveNext()" is "Accounts.AccountGrain".</summary>
    public static string TypeOf(string frame)
    {
        var end = frame.IndexOfAny(['+', '(', '`', '[']);
        var name = end < 0 ? frame : frame[..end];
        if (end < 0 || frame[end] == '(')
        {
            name = name[..Math.Max(0, name.LastIndexOf('.'))];
        }

        return name.StartsWith("Orleans.Fin.", StringComparison.Ordinal) ? name["Orleans.Fin.".Length..] : name;
    }
}
