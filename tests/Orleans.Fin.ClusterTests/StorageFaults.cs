using System.Collections.Concurrent;

namespace Orleans.Fin.ClusterTests;

/// <summary>
/// Makes chosen state writes fail, by grain key: after letting a number of writes through, the next ones throw
/// without storing anything (a lost connection to the database), so every write of a sequence can be made to fail.
/// Only writes made for the calls started inside the returned scope count (the scope travels in the request context),
/// so a reminder tick of the same grain neither fails nor uses up the plan.
/// </summary>
public static class StorageFaults
{
    private const string ScopeKey = "test-failing-writes";

    private static readonly ConcurrentDictionary<string, WritePlan> Plans = new(StringComparer.Ordinal);

    /// <summary>Within the scope, the grain's writes after the next <paramref name="passing"/> fail, <paramref name="failing"/> times.</summary>
    public static IDisposable FailWrites(string grainKey, int passing = 0, int failing = 1)
    {
        Plans[grainKey] = new WritePlan(passing, failing);
        RequestContext.Set(ScopeKey, grainKey);
        return new Scope(grainKey);
    }

    /// <summary>How many injected failures of the grain's writes are still to come.</summary>
    public static int FailuresLeft(string grainKey) => Plans.TryGetValue(grainKey, out var plan) ? plan.FailuresLeft : 0;

    /// <summary>Throws when the next write of the grain is planned to fail.</summary>
    internal static void BeforeWrite(GrainId grainId)
    {
        var key = grainId.Key.ToString();
        if (RequestContext.Get(ScopeKey) is string scoped && scoped == key && Plans.TryGetValue(key, out var plan) && plan.NextFails())
        {
            throw new InvalidOperationException($"Injected: the write of {grainId} failed.");
        }
    }

    private sealed class Scope(string grainKey) : IDisposable
    {
        public void Dispose()
        {
            RequestContext.Remove(ScopeKey);
            Plans.TryRemove(grainKey, out _);
        }
    }

    private sealed class WritePlan(int passing, int failing)
    {
        private readonly Lock _gate = new();
        private int _passing = passing;
        private int _failing = failing;

        public int FailuresLeft
        {
            get
            {
                lock (_gate)
                {
                    return _failing;
                }
            }
        }

        public bool NextFails()
        {
            lock (_gate)
            {
                if (_passing > 0)
                {
                    _passing--;
                    return false;
                }

                if (_failing > 0)
                {
                    _failing--;
                    return true;
                }

                return false;
            }
        }
    }
}
