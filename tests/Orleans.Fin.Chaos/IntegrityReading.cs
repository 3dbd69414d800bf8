using System.Globalization;
using System.Text.Json;

namespace Orleans.Fin.Chaos;

/// <summary>The answer of GET /ops/ledger/integrity, or why there was none.</summary>
public sealed record IntegrityReading(IReadOnlyDictionary<string, decimal> Sums, long Pending, double OldestPendingAgeSeconds, string? Unavailable)
{
    /// <summary>True when the API refused the request outright (no such endpoint, no permission): waiting will not help.</summary>
    public bool Refused { get; init; }

    public static async Task<IntegrityReading> ReadAsync(ChaosApi api, string staffToken)
    {
        var answer = await api.GetAsync("/ops/ledger/integrity", staffToken, TimeSpan.FromSeconds(10));
        if (answer.Status != 200 || answer.Body is not { } body)
        {
            return new IntegrityReading(new Dictionary<string, decimal>(), -1, 0, $"GET /ops/ledger/integrity answered {answer.Describe()}")
            {
                Refused = !answer.IsLost,
            };
        }

        var sums = body.GetProperty("currencies").EnumerateArray()
            .ToDictionary(c => c.GetProperty("currency").GetString()!, c => c.GetProperty("sum").GetDecimal(), StringComparer.Ordinal);
        var age = body.TryGetProperty("oldestPendingAgeSeconds", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetDouble() : 0;
        return new IntegrityReading(sums, body.GetProperty("pendingMovements").GetInt64(), age, null);
    }

    public string Describe() => Unavailable ?? string.Create(CultureInfo.InvariantCulture,
        $"sums {string.Join(", ", Sums.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"))}; pending {Pending} (oldest {OldestPendingAgeSeconds:F0} s)");
}
