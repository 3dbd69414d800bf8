using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.MemoryBench;
using Orleans.Fin.TestSupport;
using Orleans.Runtime;

// Managed memory per customer on one all-in-one node (silo + API in this process), measured, not estimated:
//   Orleans.Fin.MemoryBench [--customers 1000] [--payments 10] [--profile Postgres|Embedded] [--storage GroupCommit|AdoNet]
// Each customer is onboarded through the API with one account and a deposit, then pays the next customer --payments
// times, so the customer, account and risk grains hold a realistic history. The heap after a full collection is taken
// before the population, with every customer active, and after all their grains were deactivated (idle customers).
// The Postgres profile (FIN_PG_CONNECTION) keeps state out of the process, as production does; the Embedded profile's
// memory storage keeps a copy of every state in the process and so counts it too.
var options = MemoryOptions.Parse(args);
var settings = new Dictionary<string, string?>
{
    ["Cluster:Profile"] = options.Profile,
    ["Cluster:ClusterId"] = "memory-" + Guid.NewGuid().ToString("N")[..8],
    ["RiskControl:ScoringEnabled"] = "false",
    ["Serilog:MinimumLevel:Default"] = "Error",
};
if (options.Profile == "Postgres")
{
    settings["Cluster:ConnectionString"] = Environment.GetEnvironmentVariable("FIN_PG_CONNECTION")
        ?? throw new InvalidOperationException("The Postgres profile needs FIN_PG_CONNECTION (see deploy/scripts/pg-local.sh).");
    settings["Cluster:ServiceId"] = settings["Cluster:ClusterId"];
    settings["Cluster:Storage"] = options.Storage ?? "GroupCommit";
}

// The in-process node's content root: the silo project, found above this tool's output directory.
var silo = new DirectoryInfo(AppContext.BaseDirectory);
while (silo is not null && !File.Exists(Path.Combine(silo.FullName, "silo", "Orleans.Fin.Silo.csproj")))
{
    silo = silo.Parent;
}

Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ORLEANS_FIN_SILO",
    Path.Combine(silo?.FullName ?? throw new InvalidOperationException("Run the tool from its build output inside the repository."), "silo"));
await using var node = new FinNode(settings);
var api = node.Api();
var grains = node.Services.GetRequiredService<IGrainFactory>();
var management = grains.GetGrain<IManagementGrain>(0);

Console.WriteLine($"profile {options.Profile} {options.Storage}; {options.Customers} customers x {options.PaymentsEach} payments; warming up");
await PopulateAsync(20);
await management.ForceActivationCollection(TimeSpan.Zero);
var baseline = Heap();

var started = DateTime.UtcNow;
await PopulateAsync(options.Customers);
var active = Heap();
var statistics = await management.GetSimpleGrainStatistics();
Console.WriteLine($"populated in {(DateTime.UtcNow - started).TotalSeconds:F0}s; activations by type:");
foreach (var type in statistics.GroupBy(s => s.GrainType).Select(g => (Type: g.Key, Count: g.Sum(s => s.ActivationCount))).OrderByDescending(t => t.Count).Take(12))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {type.Count,8} {type.Type}"));
}

await management.ForceActivationCollection(TimeSpan.Zero);
await Task.Delay(TimeSpan.FromSeconds(5));
var idle = Heap();

var perActive = (double)(active - baseline) / options.Customers;
var perIdle = (double)(idle - baseline) / options.Customers;
const double NodeBytes = 24d * 1024 * 1024 * 1024;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"heap: baseline {baseline / 1048576.0:F1} MiB, active {active / 1048576.0:F1} MiB, idle {idle / 1048576.0:F1} MiB"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"bytes per active customer {perActive:F0} ({perActive / 1024:F1} KiB); per idle customer {perIdle:F0}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"active customers per 24 GiB node: {(NodeBytes - baseline) / perActive:N0} (all of it for grains), {(NodeBytes * 0.7 - baseline) / perActive:N0} (70% for grains, the rest for GC headroom and buffers)"));

static long Heap()
{
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    return GC.GetTotalMemory(forceFullCollection: true);
}

async Task PopulateAsync(int customers)
{
    var people = new (string Customer, string Token, string Account)[customers];
    await Parallel.ForEachAsync(Enumerable.Range(0, customers), new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, async (i, _) =>
    {
        var (customer, token) = await api.NewCustomerAsync();
        var account = await api.OpenAccountAsync(token, customer);
        await api.DepositAsync(token, account, 1_000_000m);
        people[i] = (customer, token, account);
    });
    await Parallel.ForEachAsync(Enumerable.Range(0, customers), new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, async (i, _) =>
    {
        var (_, token, from) = people[i];
        var to = people[(i + 1) % customers].Account;
        for (var n = 0; n < options.PaymentsEach; n++)
        {
            using var response = await api.PayAsync(token, from, to, 10m + n);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"A payment answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
            }
        }
    });
}
