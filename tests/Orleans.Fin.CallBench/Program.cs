using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Fin.Accounts;
using Orleans.Fin.CallBench;
using Orleans.Fin.TestSupport;

// What one grain call costs this machine's CPU on a silo built like the embedded node, apart from any business code:
// calls from the host into a grain and from one grain to another, each with nothing and with a real leg's arguments
// and answer. The figure to read is CPU per call (the process's CPU time over the calls made), which other load on
// the machine moves far less than calls per second.
var seconds = Arg("--seconds", 5);
var concurrency = Arg("--concurrency", 64);
const int CallsPerRun = 100;
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

using var host = EmbeddedBenchSilo.Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();
var posting = new Posting(
    "pay_01M8SY412D7W38X7Q59BFMNEQR", -125.50m, "CNY", EntryKind.PaymentOut, "pay_01M8SY412D7W38X7Q59BFMNEQR",
    "acc_01M8SY412D7W38X7Q59BFMNEQS", null, "cus_01M8SY412D7W38X7Q59BFMNEQT", true);

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {DateTimeOffset.UtcNow:u}; "
    + $"{concurrency} concurrent callers, {seconds} s a scenario after a warm-up of 2 s each");
(string Name, Func<int, Task> Call, int CallsPerTask)[] scenarios =
[
    ("host → grain, no arguments", worker => grains.GetGrain<IEchoGrain>(worker).Ping(), 1),
    ("host → grain, a leg's posting and outcome", worker => grains.GetGrain<IEchoGrain>(worker).Post(posting), 1),
    ("grain → grain, no arguments", worker => grains.GetGrain<ICallerGrain>(worker).Run(100_000 + worker, 1, CallsPerRun, null), CallsPerRun + 1),
    ("grain → grain, a leg's posting and outcome", worker => grains.GetGrain<ICallerGrain>(worker).Run(100_000 + worker, 1, CallsPerRun, posting), CallsPerRun + 1),
    ("grain → grain, posting, each call to the next of 4 grains", worker => grains.GetGrain<ICallerGrain>(worker).Run(200_000 + (worker * 4), 4, CallsPerRun, posting), CallsPerRun + 1),
];

// Every scenario once first, so that all of them are measured with their activations made and their code optimised.
foreach (var scenario in scenarios)
{
    await Run(scenario.Call, TimeSpan.FromSeconds(2));
}

Console.WriteLine("| calls | calls/s | CPU per call |");
Console.WriteLine("| --- | ---: | ---: |");
foreach (var scenario in scenarios)
{
    await Measure(scenario.Name, scenario.Call, scenario.CallsPerTask);
}

await host.StopAsync();

async Task Measure(string name, Func<int, Task> call, int callsPerTask)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var started = Stopwatch.GetTimestamp();
    var tasks = await Run(call, TimeSpan.FromSeconds(seconds));
    var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds;
    var calls = tasks * callsPerTask;
    Console.WriteLine($"| {name} | {calls / wall:N0} | {used / calls:F1} µs |");
}

async Task<long> Run(Func<int, Task> call, TimeSpan length)
{
    var deadline = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
    var done = 0L;
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
    {
        while (Stopwatch.GetTimestamp() < deadline)
        {
            await call(worker);
            Interlocked.Increment(ref done);
        }
    }));
    return done;
}

int Arg(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) && value > 0 ? value : fallback;
}
