using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.MemoryBench;
using Orleans.Fin.Risk;
using Orleans.Fin.TestSupport;
using Orleans.Runtime;
using Orleans.Storage;

// Managed memory per customer on one all-in-one node (silo + API in this process), measured, not estimated:
//   Orleans.Fin.MemoryBench [--customers 1000] [--payments 20] [--logins 2] [--profile Postgres|Embedded]
//                           [--storage GroupCommit|AdoNet] [--parallelism 16] [--hold SECONDS] [--settle SECONDS]
//                           [--hold-baseline SECONDS] [--directory-cache-ttl SECONDS] [--linger SECONDS]
//                           [--copies N] [--stage N] [--reserve-mib MIB]
// Customers are onboarded through the API on a device of their own, with one account, a deposit, logins and payments
// to two others (see Population). The heap after a full collection is taken: before the population; with everything
// the population touched still active; once all of it is deactivated (idle customers: state only in storage); then
// while the customers', accounts' and risk grains are activated again one type at a time, so each type's bytes per
// activation are measured with its stored history loaded; and last after one more payment and login each, which
// activates whatever else an active customer keeps (the steady-state figure). The silo's caches that are bounded by time
// (the grain directory's cache, the activity stream's events and consumer records) still hold the population's last
// minutes at the idle point; --settle SECONDS waits there and takes the idle heap a second time before the customers
// come back, as on a node that has run for hours (540 outlasts them all: the directory cache trims every 4 minutes what
// has not been used for 4). The steady figure still counts what the last payment and login leave in those caches.
// The tool runs the node in its own process, so what it keeps per customer is counted too: only the customer and account
// ids as bits (48 B, see Member); tokens are made when a customer acts and device ids from the run and index.
// The Postgres profile (FIN_PG_CONNECTION) keeps state out of the process, as production does; the Embedded profile's
// memory storage keeps a copy of every state in the process and so counts it too.
var options = MemoryOptions.Parse(args);
var settings = new Dictionary<string, string?>
{
    ["Cluster:Profile"] = options.Profile,
    ["Cluster:ClusterId"] = "memory-" + Guid.NewGuid().ToString("N")[..8],
    ["RiskControl:ScoringEnabled"] = "false",
    ["Serilog:MinimumLevel:Default"] = "Error",
    ["Serilog:MinimumLevel:Override:Polly"] = "Error",
    ["Serilog:MinimumLevel:Override:Orleans"] = "Error",
    ["Serilog:MinimumLevel:Override:Orleans.Runtime.Silo"] = "Error",
    ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Error",
    ["Serilog:MinimumLevel:Override:Serilog.AspNetCore"] = "Error",
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
var (services, api) = options.DirectoryCacheTtlSeconds > 0 || options.Copies > 0
    ? Open(node.WithWebHostBuilder(web => web.ConfigureServices(s =>
    {
        if (options.DirectoryCacheTtlSeconds > 0)
        {
            s.Configure<GrainDirectoryOptions>(o => o.MaximumCacheTTL = TimeSpan.FromSeconds(options.DirectoryCacheTtlSeconds));
        }

        if (options.Copies > 0)
        {
            // Copies activated in the first stage must still be active when the last is measured.
            s.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(12));
        }
    })))
    : (node.Services, node.Api());
var population = new Population(api, options);
var grains = services.GetRequiredService<IGrainFactory>();
var probe = new HeapProbe(grains.GetGrain<IManagementGrain>(0));
var report = new MemoryReport(options.Customers);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"profile {options.Profile} {options.Storage}; {options.Customers} customers x {options.PaymentsEach} payments, {options.LoginsEach} logins; warming up"));
await population.AddAsync(20);
await probe.DeactivateAllAsync();
report.Baseline(HeapProbe.Heap(), await probe.ActivationsAsync());
await HoldAsync("baseline", options.HoldBaselineSeconds);

var started = DateTime.UtcNow;
var members = await population.AddAsync(options.Customers);
report.Phase("populated (all touched active)", HeapProbe.Heap(), await probe.ActivationsAsync());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"populated in {(DateTime.UtcNow - started).TotalSeconds:F0}s"));
await HoldAsync("populated");
await probe.DeactivateAllAsync();
report.Phase("idle (all deactivated)", HeapProbe.Heap(), await probe.ActivationsAsync(), resetsToBaseline: true);
await HoldAsync("idle");
if (options.SettleSeconds > 0)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"settling {options.SettleSeconds}s"));
    await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
    await probe.DeactivateAllAsync();
    report.Phase("idle, settled", HeapProbe.Heap(), await probe.ActivationsAsync(), resetsToBaseline: true);
    await HoldAsync("settled");
}

var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism };
await Parallel.ForEachAsync(members, parallel, async (m, _) => await grains.GetGrain<ICustomerGrain>(m.CustomerId).Get());
report.Phase("+ customer grains", HeapProbe.Heap(), await probe.ActivationsAsync());
await HoldAsync("customers");
await Parallel.ForEachAsync(members, parallel, async (m, _) => await grains.GetGrain<IAccountGrain>(m.AccountId).Get());
report.Phase("+ account grains", HeapProbe.Heap(), await probe.ActivationsAsync());
await HoldAsync("accounts");
await Parallel.ForEachAsync(members, parallel, async (m, _) => await grains.GetGrain<IRiskGrain>(m.CustomerId).GetProfile());
report.Phase("+ risk grains", HeapProbe.Heap(), await probe.ActivationsAsync());
await HoldAsync("risk");
await population.ActAgainAsync(members);
report.Phase("+ one payment and login each", HeapProbe.Heap(), await probe.ActivationsAsync(), steady: true);
await HoldAsync("steady");
if (options.LingerSeconds > 0)
{
    // Nothing deactivated: what the active customers still hold once the silo's caches have aged that long.
    await Task.Delay(TimeSpan.FromSeconds(options.LingerSeconds));
    report.Phase(string.Create(CultureInfo.InvariantCulture, $"  then {options.LingerSeconds}s later"), HeapProbe.Heap(), await probe.ActivationsAsync());
    await HoldAsync("lingered");
}

report.Print(Console.Out);
if (options.Copies > 0)
{
    await MeasureCopiesAsync();
}

// A node with a setting the platform does not make, for a measurement only; the factory is disposed with the node.
static (IServiceProvider Services, FinApiClient Api) Open<TEntry>(WebApplicationFactory<TEntry> factory)
    where TEntry : class => (factory.Services, new FinApiClient(factory.CreateClient()));

// Enough concurrent reads to fill the storage's batches while copies are stored and activated.
const int CopyParallelism = 64;

// The node with many more active customers: copies of the population (Replicas) activated a stage at a time, the heap
// taken after each stage. Stops before a stage that would leave the machine less than --reserve-mib available.
async Task MeasureCopiesAsync()
{
    await probe.DeactivateAllAsync();
    var replicas = new Replicas(services.GetRequiredKeyedService<IGrainStorage>(FinNames.Storage), grains);
    var copies = await replicas.StoreAsync(members, options.Copies, CopyParallelism);
    await probe.DeactivateAllAsync();
    var idle = HeapProbe.Heap();
    var idleActivations = await probe.ActivationsAsync();
    var baseline = report.BaselineHeap;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{DateTime.UtcNow:HH:mm:ss} copies: idle node heap {idle / 1048576.0:F1} MiB with {idleActivations.Values.Sum():N0} activations (warm node before the population {baseline / 1048576.0:F1} MiB); activating up to {options.StageSize:N0} copies a stage"));
    var active = 0;
    var perCustomer = 0d;
    var heap = idle;
    var parallel = new ParallelOptions { MaxDegreeOfParallelism = CopyParallelism };
    while (active < copies.Length)
    {
        // A stage is cut short near the end of the machine's memory: what it adds, taken at 1.25 times the bytes per customer
        // so far, leaves the reserve free; one of less than a tenth of a full stage is not started.
        var room = MachineMemory.AvailableBytes() - options.ReserveMiB * 1048576L;
        var fits = active == 0 ? options.StageSize : (int)Math.Min(options.StageSize, Math.Max(0, room / (perCustomer * 1.25)));
        if (fits < options.StageSize / 10)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"stopping at {active:N0} active copies: {room / 1048576.0:F0} MiB available above the {options.ReserveMiB} MiB reserve"));
            break;
        }

        var stage = new ArraySegment<Member>(copies, active, Math.Min(fits, copies.Length - active));
        var started = DateTime.UtcNow;
        await Parallel.ForEachAsync(stage, parallel, async (m, _) =>
        {
            await grains.GetGrain<ICustomerGrain>(m.CustomerId).Get();
            await grains.GetGrain<IAccountGrain>(m.AccountId).Get();
            await grains.GetGrain<IRiskGrain>(m.CustomerId).GetProfile();
        });
        active += stage.Count;
        var activated = (DateTime.UtcNow - started).TotalSeconds;
        heap = HeapProbe.Heap();
        var activations = await probe.ActivationsAsync();
        perCustomer = (double)(heap - idle) / active;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:HH:mm:ss} {active,10:N0} copies active  heap {heap / 1073741824.0,6:F2} GiB  per customer {perCustomer,6:F0} B over the idle node, {(double)(heap - baseline) / active,6:F0} B over the warm node  [customers {activations.GetValueOrDefault("CustomerGrain"):N0}, accounts {activations.GetValueOrDefault("AccountGrain"):N0}, risk {activations.GetValueOrDefault("RiskGrain"):N0}]  stage {activated:F0}s  working set {Environment.WorkingSet / 1073741824.0:F2} GiB  available {MachineMemory.AvailableBytes() / 1048576.0:F0} MiB"));
    }

    if (active > 0)
    {
        // The last stage's heap: nothing has been activated since.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"copies: {active:N0} active customers in a whole heap of {heap / 1073741824.0:F2} GiB, {(double)heap / active:F0} B per customer all in; {(double)(heap - baseline) / active:F0} B each over the warm node, so a 24 GiB node holds {(MemoryReport.NodeBytes - baseline) / ((double)(heap - baseline) / active):N0}"));
    }
}

async Task HoldAsync(string phase, int? seconds = null)
{
    var hold = seconds ?? options.HoldSeconds;
    if (hold > 0)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"holding {hold}s ({phase}) for a heap dump of process {Environment.ProcessId}"));
        await Task.Delay(TimeSpan.FromSeconds(hold));
    }
}
