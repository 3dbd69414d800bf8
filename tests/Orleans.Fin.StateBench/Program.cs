using System.Diagnostics;
using System.Globalization;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using ActivityKind = Orleans.Fin.Payments.ActivityKind;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.TestSupport;

// What writing and reading a busy customer's risk state and account cost, with their record lists as rows and as
// objects, in the same process and rounds (alternating, so a noisy machine slows both):
//   Orleans.Fin.StateBench [--rounds 5] [--iterations 2000]
// Each round prints, per state and form: payload bytes, µs and bytes allocated per write and per read (after a warm-up);
// then a customer with full windows written whole and in parts, and the memory its cold part holds.
var rounds = 5;
var iterations = 2000;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--rounds": rounds = value; break;
        case "--iterations": iterations = value; break;
        default: throw new ArgumentException($"Unknown option {args[i]}; use --rounds N --iterations N.");
    }
}

var now = DateTimeOffset.UtcNow;
var risk = BusyRiskState.Build(now);
var account = BusyAccountState.Build(now);
var forms = new (string Name, StateJsonSerializer Serializer)[] { ("objects", new StateJsonSerializer(rows: false)), ("rows", new StateJsonSerializer()) };
var totals = new Dictionary<string, List<Figures>>();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"busy risk state: {risk.Profile.Payments.Count} payments, {risk.Profile.Inflows.Count} in, {risk.Profile.Payees.Count} payees, {risk.Decisions.Count} decisions, {risk.Audit.Count} audit records; account: {account.Recent.Count} entries; {rounds} rounds x {iterations}"));
for (var round = 1; round <= rounds; round++)
{
    foreach (var (name, serializer) in round % 2 == 1 ? forms : forms.Reverse())
    {
        Record($"risk    {name,-7}", Measure(serializer, risk, iterations), round);
        Record($"account {name,-7}", Measure(serializer, account, iterations), round);
    }
}

foreach (var (name, all) in totals)
{
    var median = (Func<Figures, double> of) => all.Select(of).Order().ElementAt(all.Count / 2);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"median  {name} bytes={all[0].Bytes} write={median(f => f.WriteMicros):F1}us alloc={all[0].WriteAllocated}B read={median(f => f.ReadMicros):F1}us alloc={all[0].ReadAllocated}B"));
}

// A customer with full windows: the state written whole against the same state written in parts (runs of a cold part
// taken four payments ago, as the grain would hold it), and what the cold part costs to write and to keep.
var full = BusyRiskState.Full(now);
var rowsForm = new StateJsonSerializer();
var windows = RiskWindows.Take(full);
for (var i = 0; i < 4; i++)
{
    var at = now.AddMinutes(i);
    var id = FinIds.New("pay", at);
    BehaviourTracker.Observe(full.Profile, new CustomerActivity(
        id + ":" + ActivityKind.PaymentOut, BusyRiskState.Customer, ActivityKind.PaymentOut, at, 42m + i, "CNY", "acc_own",
        full.Profile.Payees[i * 7].AccountId, "app", "dev_home", "10.0.0.1", "CN", "Shanghai", null, "Completed"));
    BehaviourTracker.Observe(full.Profile, new CustomerActivity(
        FinIds.New("pay", at) + ":" + ActivityKind.PaymentIn, BusyRiskState.Customer, ActivityKind.PaymentIn, at, 5m, "CNY", "acc_own", "acc_other", Status: "Completed"));
    full.Decisions.RemoveAt(0);
    full.Decisions.Add(new DecisionRecord { MovementId = id, At = at, AmountCny = 42m + i });
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"full windows: {full.Profile.Payments.Count} payments, {full.Profile.Inflows.Count} in, {full.Profile.Payees.Count} payees, {full.Decisions.Count} decisions, {full.Profile.SeenEventDigests.Count} digests; 4 payments since the cold part"));
for (var round = 1; round <= rounds; round++)
{
    Record("full    whole  ", Measure(rowsForm, full, iterations), round);
    Record("full    parts  ", MeasureWrites(rowsForm, () => windows.Written(full).Stored, iterations), round);
    Record("full    cold   ", MeasureWrites(rowsForm, windows.ToStored, iterations), round);
}

var before = GC.GetTotalMemory(forceFullCollection: true);
var held = RiskWindows.Take(full);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold part held in memory: {GC.GetTotalMemory(forceFullCollection: true) - before} B"));
GC.KeepAlive(held);

foreach (var (name, all) in totals.Where(t => t.Key.StartsWith("full", StringComparison.Ordinal)))
{
    var median = (Func<Figures, double> of) => all.Select(of).Order().ElementAt(all.Count / 2);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median  {name} bytes={all[0].Bytes} write={median(f => f.WriteMicros):F1}us alloc={all[0].WriteAllocated}B"));
}

void Record(string name, Figures figures, int round)
{
    (totals.TryGetValue(name, out var all) ? all : totals[name] = []).Add(figures);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round} {name} {figures}"));
}

static Figures Measure<T>(StateJsonSerializer serializer, T state, int iterations)
{
    var payload = serializer.Serialize(state);
    for (var i = 0; i < iterations / 4; i++)
    {
        serializer.Deserialize<T>(serializer.Serialize(state));
    }

    var (writeMicros, writeAllocated) = Time(() => serializer.Serialize(state), iterations);
    var (readMicros, readAllocated) = Time(() => serializer.Deserialize<T>(payload), iterations);
    return new Figures(payload.ToMemory().Length, writeMicros, writeAllocated, readMicros, readAllocated);
}

// Writes only: the state to write is built by `stored` each time (for parts, the splice against the cold part).
static Figures MeasureWrites<T>(StateJsonSerializer serializer, Func<T> stored, int iterations)
{
    var payload = serializer.Serialize(stored());
    for (var i = 0; i < iterations / 4; i++)
    {
        serializer.Serialize(stored());
    }

    var (micros, allocated) = Time(() => serializer.Serialize(stored()), iterations);
    return new Figures(payload.ToMemory().Length, micros, allocated, 0, 0);
}

// µs and bytes allocated per run of `operation`, over `iterations` runs on this thread.
static (double Micros, long Allocated) Time(Action operation, int iterations)
{
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < iterations; i++)
    {
        operation();
    }

    return (clock.Elapsed.TotalMicroseconds / iterations, (GC.GetAllocatedBytesForCurrentThread() - allocated) / iterations);
}

internal sealed record Figures(int Bytes, double WriteMicros, long WriteAllocated, double ReadMicros, long ReadAllocated)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"bytes={Bytes} write={WriteMicros:F1}us alloc={WriteAllocated}B read={ReadMicros:F1}us alloc={ReadAllocated}B");
}
