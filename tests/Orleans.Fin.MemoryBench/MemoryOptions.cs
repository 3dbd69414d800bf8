using System.Globalization;

namespace Orleans.Fin.MemoryBench;

/// <summary>Command-line settings: how many customers, how much history each, on which profile.</summary>
/// <param name="HoldSeconds">
/// How long to wait with every customer active before deactivating them, so that a heap dump can be taken from outside
/// (for example <c>dotnet-dump collect -p PID --type Heap</c>) after the population, when idle, once the customer grains,
/// once the account grains and once the risk grains are active again (dumps that differ by one grain type) and at the
/// end; 0 does not wait.
/// </param>
/// <param name="SettleSeconds">
/// How long to wait, once everything is deactivated and the idle heap is taken, before taking it again and activating the
/// customers once more. It should be longer than the silo's time-bounded caches keep an entry: the grain directory's
/// cache drops an entry 4 to 8 minutes after its last use, the activity stream's consumer records go after 3 minutes.
/// Then the second idle figure and the steady phase after it hold what a node that has run for hours holds, and the
/// steady phase still holds everything the last payment and login leave behind. 0 does not wait and takes no second
/// idle figure.
/// </param>
/// <param name="HoldBaselineSeconds">
/// How long to wait after the baseline heap is taken (the node warmed up, nothing of the population made yet), so that a
/// heap dump there can be compared with one at a later phase; 0 (the default) does not wait.
/// </param>
/// <param name="DirectoryCacheTtlSeconds">
/// When above 0, the node's grain directory cache drops an entry after this long unused
/// (<c>GrainDirectoryOptions.MaximumCacheTTL</c>, 240 s in Orleans), to measure what that setting would save; the
/// platform does not set it. 0 (the default) leaves it as the platform has it.
/// </param>
/// <param name="LingerSeconds">
/// When above 0, how long to wait after the steady phase, with nothing deactivated, before taking the heap once more: what
/// an active customer still holds that long after its last payment and login. The steady figure stays the one before.
/// </param>
/// <param name="Copies">
/// When above 0, after the report: this many copies of the population's customers are stored under new ids and activated
/// <paramref name="StageSize"/> at a time, the heap taken after each stage (<see cref="Replicas"/>), to measure a node
/// holding far more active customers than the run onboards. The run stops before a stage that would leave the machine
/// less than <paramref name="ReserveMiB"/> available.
/// </param>
public sealed record MemoryOptions(
    int Customers, int PaymentsEach, int LoginsEach, string Profile, string? Storage, int Parallelism, int HoldSeconds, int SettleSeconds,
    int HoldBaselineSeconds, int DirectoryCacheTtlSeconds, int LingerSeconds, int Copies, int StageSize, int ReserveMiB)
{
    public static MemoryOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
        int Number(string name, string fallback) => int.Parse(Get(name, fallback), CultureInfo.InvariantCulture);
        return new MemoryOptions(
            Number("customers", "1000"),
            Number("payments", "20"),
            Number("logins", "2"),
            Get("profile", "Postgres"),
            values.GetValueOrDefault("storage"),
            Number("parallelism", "16"),
            Number("hold", "0"),
            Number("settle", "0"),
            Number("hold-baseline", "0"),
            Number("directory-cache-ttl", "0"),
            Number("linger", "0"),
            Number("copies", "0"),
            Number("stage", "100000"),
            Number("reserve-mib", "1536"));
    }
}
