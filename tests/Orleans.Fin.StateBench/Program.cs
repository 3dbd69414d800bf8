using System.Diagnostics;
using System.Globalization;
using Orleans.Fin.Common;
using Orleans.Fin.Risk;
using Orleans.Fin.TestSupport;

// What writing and reading a busy customer's risk state costs, with its record lists as rows and as objects, in the
// same process and rounds (alternating, so a noisy machine slows both):
//   Orleans.Fin.StateBench [--rounds 5] [--iterations 2000]
// Each round prints, per form: payload bytes, µs and bytes allocated per write and per read (after a warm-up).
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

var state = BusyRiskState.Build(DateTimeOffset.UtcNow);
var forms = new (string Name, StateJsonSerializer Serializer)[] { ("objects", new StateJsonSerializer(rows: false)), ("rows", new StateJsonSerializer()) };
var totals = forms.ToDictionary(f => f.Name, _ => new List<Figures>());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"busy risk state: {state.Profile.Payments.Count} payments, {state.Profile.Inflows.Count} in, {state.Profile.Payees.Count} payees, {state.Decisions.Count} decisions, {state.Audit.Count} audit records; {rounds} rounds x {iterations}"));
for (var round = 1; round <= rounds; round++)
{
    foreach (var (name, serializer) in round % 2 == 1 ? forms : forms.Reverse())
    {
        var figures = Measure(serializer, state, iterations);
        totals[name].Add(figures);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round} {name,-7} {figures}"));
    }
}

foreach (var (name, all) in totals)
{
    var median = (Func<Figures, double> of) => all.Select(of).Order().ElementAt(all.Count / 2);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"median  {name,-7} bytes={all[0].Bytes} write={median(f => f.WriteMicros):F1}us alloc={all[0].WriteAllocated}B read={median(f => f.ReadMicros):F1}us alloc={all[0].ReadAllocated}B"));
}

static Figures Measure(StateJsonSerializer serializer, RiskState state, int iterations)
{
    var payload = serializer.Serialize(state);
    for (var i = 0; i < iterations / 4; i++)
    {
        serializer.Deserialize<RiskState>(serializer.Serialize(state));
    }

    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < iterations; i++)
    {
        serializer.Serialize(state);
    }

    var write = (clock.Elapsed.TotalMicroseconds / iterations, (GC.GetAllocatedBytesForCurrentThread() - allocated) / iterations);
    allocated = GC.GetAllocatedBytesForCurrentThread();
    clock.Restart();
    for (var i = 0; i < iterations; i++)
    {
        serializer.Deserialize<RiskState>(payload);
    }

    var read = (clock.Elapsed.TotalMicroseconds / iterations, (GC.GetAllocatedBytesForCurrentThread() - allocated) / iterations);
    return new Figures(payload.ToMemory().Length, write.Item1, write.Item2, read.Item1, read.Item2);
}

internal sealed record Figures(int Bytes, double WriteMicros, long WriteAllocated, double ReadMicros, long ReadAllocated)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"bytes={Bytes} write={WriteMicros:F1}us alloc={WriteAllocated}B read={ReadMicros:F1}us alloc={ReadAllocated}B");
}
