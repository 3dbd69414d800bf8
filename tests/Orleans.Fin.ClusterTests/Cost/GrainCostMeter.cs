using System.Collections.Concurrent;
using System.Text;

namespace Orleans.Fin.ClusterTests.Cost;

/// <summary>
/// Counts what the silo does for the work under test: incoming grain calls (one-way calls and stream deliveries
/// included) by grain type and method, and state reads and writes by grain type (and writes by state too, for grains
/// with more than one). Timers are not grain calls and are not counted; what they write is.
/// </summary>
public sealed class GrainCostMeter
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _writes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _reads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    public void CountCall(string grainType, string method) => _calls.AddOrUpdate($"{grainType} {method}", 1, (_, n) => n + 1);

    public void CountWrite(string grainType, string stateName, int bytes)
    {
        foreach (var key in new[] { grainType, $"{grainType}/{stateName}" })
        {
            _writes.AddOrUpdate(key, 1, (_, n) => n + 1);
            _bytes.AddOrUpdate(key, bytes, (_, n) => n + bytes);
        }
    }

    public void CountRead(string grainType) => _reads.AddOrUpdate(grainType, 1, (_, n) => n + 1);

    public void Reset()
    {
        _calls.Clear();
        _writes.Clear();
        _reads.Clear();
        _bytes.Clear();
    }

    /// <summary>Calls by grain type (all methods together).</summary>
    public IReadOnlyDictionary<string, int> CallsByGrain() =>
        _calls.GroupBy(c => c.Key.Split(' ')[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Value), StringComparer.Ordinal);

    public int Calls(string grainType) => CallsByGrain().GetValueOrDefault(grainType);

    /// <summary>Calls of one method of the grain type.</summary>
    public int Calls(string grainType, string method) => _calls.GetValueOrDefault($"{grainType} {method}");

    public int Writes(string grainType) => _writes.GetValueOrDefault(grainType);

    /// <summary>Writes of one named state of the grain type.</summary>
    public int Writes(string grainType, string stateName) => _writes.GetValueOrDefault($"{grainType}/{stateName}");

    public int Reads(string grainType) => _reads.GetValueOrDefault(grainType);

    /// <summary>Bytes of state written (as JSON), all writes of the grain type together.</summary>
    public long BytesWritten(string grainType) => _bytes.GetValueOrDefault(grainType);

    /// <summary>Bytes of one named state of the grain type.</summary>
    public long BytesWritten(string grainType, string stateName) => _bytes.GetValueOrDefault($"{grainType}/{stateName}");

    public int TotalCalls => _calls.Values.Sum();

    public int TotalWrites => _writes.Where(w => !w.Key.Contains('/', StringComparison.Ordinal)).Sum(w => w.Value);

    public int TotalReads => _reads.Values.Sum();

    /// <summary>A table of everything counted, divided by <paramref name="operations"/>.</summary>
    public string Report(int operations)
    {
        var text = new StringBuilder();
        text.AppendLine($"per operation over {operations}: calls {TotalCalls / (double)operations:0.##}, writes {TotalWrites / (double)operations:0.##}, reads {TotalReads / (double)operations:0.##}");
        foreach (var grain in CallsByGrain().Keys.Union(_writes.Keys.Where(k => !k.Contains('/', StringComparison.Ordinal))).Union(_reads.Keys).Order(StringComparer.Ordinal))
        {
            text.AppendLine($"  {grain,-28} calls {Calls(grain) / (double)operations,6:0.##}  writes {Writes(grain) / (double)operations,6:0.##}  reads {Reads(grain) / (double)operations,6:0.##}  bytes written {BytesWritten(grain) / (double)operations,8:0}");
            foreach (var call in _calls.Where(c => c.Key.StartsWith(grain + " ", StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                text.AppendLine($"      {call.Key[(grain.Length + 1)..],-40} {call.Value / (double)operations:0.##}");
            }

            foreach (var write in _writes.Where(w => w.Key.StartsWith(grain + "/", StringComparison.Ordinal)).OrderBy(w => w.Key, StringComparer.Ordinal))
            {
                text.AppendLine($"      state {write.Key[(grain.Length + 1)..],-34} writes {write.Value / (double)operations,6:0.##}  bytes written {_bytes[write.Key] / (double)operations,8:0}");
            }
        }

        return text.ToString();
    }
}
