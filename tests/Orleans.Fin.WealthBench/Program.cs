using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Fin.Wealth;
using Orleans.Fin.Wealth.Domain;
using Orleans.Fin.WealthBench;

// Rebalancing N drifted portfolios on the embedded profile, next to a baseline sweep of the same N portfolios within
// the band (checks only) in the same run; memory per portfolio activation next to the lightest grain's; reminder spread.
var count = Arg("--portfolios", 10_000);
var parallelism = Arg("--parallelism", 64);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

var ticks = new TickTimer();
using var host = BenchSilo.Build(ticks);
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();
var clock = host.Services.GetRequiredService<TimeProvider>();
var wealth = host.Services.GetRequiredService<IOptions<WealthOptions>>().Value;
var population = new Population(grains, clock, parallelism);

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB; {DateTimeOffset.UtcNow:u}; "
    + $"{count:N0} portfolios; drift band {wealth.DriftBand:P0}; sweep parallelism {wealth.SweepParallelism}; setup parallelism {parallelism}");

// (a) N verified customers, funded CNY accounts, C3 portfolios with 10,000 CNY along their targets (within the band).
var started = Stopwatch.GetTimestamp();
var investors = await population.OpenAsync(count, deposit: 30_000m, alongTargets: 10_000m);
Console.WriteLine($"setup: {count:N0} customers, accounts, deposits, portfolios and subscriptions in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

// (b) Baseline: sweeps over the N portfolios within the band (checks, no trades). The first one warms the code up.
await Sweep("warm-up  (within band)", expectRebalanced: 0);
var baseline = await Sweep("baseline (within band)", expectRebalanced: 0);

started = Stopwatch.GetTimestamp();
await population.DriftAsync(investors, 10_000m, ProductCatalogue.Gold);
Console.WriteLine($"drift: 10,000 CNY more into {ProductCatalogue.Gold} in each portfolio in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
var before = await Drifts();
Require(before.Min() > wealth.DriftBand, $"every portfolio should be beyond the band before the sweep; the least drifted is at {before.Min():P2}");
Console.WriteLine($"drift before: min {before.Min():P2}, max {before.Max():P2}");

var measured = await Sweep("measured (drifted)    ", expectRebalanced: count);
var views = await Views();
var rebalanced = views.Count(v => v.LastRebalancedAt is not null && v.Drift <= wealth.DriftBand);
var maxAfter = views.Max(v => v.Drift);
Console.WriteLine($"after: {rebalanced:N0} of {count:N0} rebalanced and within the band; max drift {maxAfter:P4}");
Require(rebalanced == count, $"{count - rebalanced} portfolios are not rebalanced after the sweep (max drift {maxAfter:P2})");
Console.WriteLine($"sweep cost of rebalancing: {measured.TotalSeconds / baseline.TotalSeconds:F2}x the checks-only sweep");

// (c) Memory per activation: deactivate everything, then activate the N portfolios and N of the lightest grain.
await DeactivateAll();
var probe = await ActivationMemory.PerActivationAsync(count, () => population.ForEach(investors, i => grains.GetGrain<IProbeGrain>(i.PortfolioId).Ping()));
var portfolio = await ActivationMemory.PerActivationAsync(count, () => population.ForEach(investors, async i =>
    Require(await grains.GetGrain<IPortfolioGrain>(i.PortfolioId).Get() is not null, $"{i.PortfolioId} lost its state on deactivation")));
Console.WriteLine($"memory per activation: probe grain (baseline) {probe / 1024:F1} KiB, portfolio {portfolio / 1024:F1} KiB, "
    + $"portfolio overhead {(portfolio - probe) / 1024:F1} KiB; {count:N0} portfolios ≈ {portfolio * count / (1 << 20):F0} MiB");

// (d) Reminder spread over the period's slots.
var spread = ReminderSpread.Of(investors.Select(i => i.PortfolioId), wealth.RebalancePeriod, wealth.RebalanceSlots);
Console.WriteLine($"reminders: {spread.Slots} slots of {spread.SlotLength.TotalSeconds:F0} s; per slot mean {spread.MeanPerSlot:F2}, max {spread.MaxPerSlot}, "
    + $"empty {spread.EmptySlots}; peak due in one second {spread.MaxPerSlot} (a slot's portfolios share its start) vs {count:N0} all at once "
    + $"({(double)count / spread.MaxPerSlot:F0}x lower)");
Console.WriteLine($"working set: {Environment.WorkingSet / (1 << 20):N0} MiB");
await host.StopAsync();
return 0;

async Task<TimeSpan> Sweep(string label, int expectRebalanced)
{
    ticks.Drain();
    var sweep = await PortfolioBook.SweepAllAsync(grains, clock.GetUtcNow());
    var latencies = ticks.Drain();
    Console.WriteLine($"sweep {label}: {sweep.Portfolios:N0} portfolios, {sweep.Rebalanced:N0} rebalanced, {sweep.Failed} failed in "
        + $"{sweep.Elapsed.TotalSeconds:F2} s = {sweep.Portfolios / sweep.Elapsed.TotalSeconds:N0} portfolios/s; "
        + $"{latencies.Count:N0} Ticks timed: mean {(latencies.Count > 0 ? latencies.Average() : 0):F2} ms, p50 {Percentiles.Of(latencies, 50):F2} ms, p99 {Percentiles.Of(latencies, 99):F2} ms, max {Percentiles.Of(latencies, 100):F2} ms");
    Require(sweep.Portfolios == count && sweep.Checked == count && sweep.Failed == 0, $"the sweep checked {sweep.Checked} of {sweep.Portfolios} ({sweep.Failed} failed)");
    Require(sweep.Rebalanced == expectRebalanced, $"the sweep rebalanced {sweep.Rebalanced}, expected {expectRebalanced}");
    return sweep.Elapsed;
}

async Task<IReadOnlyList<PortfolioView>> Views()
{
    var views = new PortfolioView[investors.Count];
    await population.ForEach(Enumerable.Range(0, investors.Count), async i =>
        views[i] = await grains.GetGrain<IPortfolioGrain>(investors[i].PortfolioId).Get() ?? throw new InvalidOperationException($"{investors[i].PortfolioId} is gone"));
    return views;
}

async Task<IReadOnlyList<decimal>> Drifts() => [.. (await Views()).Select(v => v.Drift)];

async Task DeactivateAll()
{
    var management = grains.GetGrain<IManagementGrain>(0);
    await management.ForceActivationCollection(TimeSpan.Zero);
    for (var i = 0; i < 60; i++)
    {
        var active = (await management.GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains(nameof(PortfolioGrain), StringComparison.Ordinal)).Sum(s => s.ActivationCount);
        if (active == 0)
        {
            return;
        }

        await Task.Delay(500);
    }

    throw new InvalidOperationException("The portfolios did not deactivate within 30 s.");
}

static void Require(bool condition, string failure)
{
    if (!condition)
    {
        throw new InvalidOperationException("Benchmark failed: " + failure);
    }
}

static int Arg(string name, int fallback)
{
    var args = Environment.GetCommandLineArgs();
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
