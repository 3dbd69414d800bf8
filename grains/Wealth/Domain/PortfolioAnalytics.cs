namespace Orleans.Fin.Wealth.Domain;

/// <summary>
/// Portfolio measures from holdings and a value history. Ratios are fractions (0.05 = 5%). The value history is a
/// series of daily portfolio values (or a unit-value index when money moved in or out) ordered oldest first.
/// Weights use the whole portfolio (holdings plus cash) as the denominator, so idle cash shows up as drift.
/// </summary>
public static class PortfolioAnalytics
{
    /// <summary>Cash plus each holding at NAV rounded to the cent: exactly what selling everything would pay out.</summary>
    public static decimal MarketValue(
        IReadOnlyDictionary<string, decimal> units, IReadOnlyDictionary<string, decimal> navs, decimal cash) =>
        cash + HoldingValues(units, navs).Values.Sum(v => decimal.Round(v, 2, MidpointRounding.AwayFromZero));

    /// <summary>The value of each holding (units × NAV), unrounded.</summary>
    public static IReadOnlyDictionary<string, decimal> HoldingValues(
        IReadOnlyDictionary<string, decimal> units, IReadOnlyDictionary<string, decimal> navs)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(navs);
        return units.ToDictionary(
            u => u.Key,
            u => u.Value * (navs.TryGetValue(u.Key, out var nav)
                ? nav
                : throw new ArgumentException($"No NAV for product '{u.Key}'.", nameof(navs))),
            StringComparer.Ordinal);
    }

    /// <summary>Each holding's share of holdings plus cash; empty when the portfolio is worth nothing.</summary>
    public static IReadOnlyDictionary<string, decimal> Weights(
        IReadOnlyDictionary<string, decimal> units, IReadOnlyDictionary<string, decimal> navs, decimal cash)
    {
        var values = HoldingValues(units, navs);
        var total = cash + values.Values.Sum();
        return total <= 0
            ? new Dictionary<string, decimal>(StringComparer.Ordinal)
            : values.ToDictionary(v => v.Key, v => v.Value / total, StringComparer.Ordinal);
    }

    /// <summary>Last value over first value minus one; zero for fewer than two points.</summary>
    public static decimal TotalReturn(IReadOnlyList<decimal> values)
    {
        RequirePositive(values);
        return values.Count < 2 ? 0m : (values[^1] / values[0]) - 1m;
    }

    /// <summary>The daily simple returns vᵢ / vᵢ₋₁ − 1.</summary>
    public static IReadOnlyList<decimal> DailyReturns(IReadOnlyList<decimal> values)
    {
        RequirePositive(values);
        return [.. Enumerable.Range(1, Math.Max(0, values.Count - 1)).Select(i => (values[i] / values[i - 1]) - 1m)];
    }

    /// <summary>Sample standard deviation of daily returns times √252; zero for fewer than two returns.</summary>
    public static decimal AnnualisedVolatility(IReadOnlyList<decimal> values)
    {
        var returns = DailyReturns(values);
        if (returns.Count < 2)
        {
            return 0m;
        }

        var mean = returns.Average();
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1);
        return (decimal)Math.Sqrt((double)variance * MarketSimulator.TradingDaysPerYear);
    }

    /// <summary>The largest fall from a running peak, as a fraction of that peak (≥ 0).</summary>
    public static decimal MaxDrawdown(IReadOnlyList<decimal> values)
    {
        RequirePositive(values);
        var peak = 0m;
        var worst = 0m;
        foreach (var value in values)
        {
            peak = Math.Max(peak, value);
            worst = Math.Max(worst, (peak - value) / peak);
        }

        return worst;
    }

    /// <summary>The largest absolute gap between a holding's weight and its target (missing on either side = 0).</summary>
    public static decimal Drift(IReadOnlyDictionary<string, decimal> weights, IReadOnlyDictionary<string, decimal> targets)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(targets);
        return weights.Keys.Union(targets.Keys, StringComparer.Ordinal)
            .Select(id => Math.Abs(weights.GetValueOrDefault(id) - targets.GetValueOrDefault(id)))
            .DefaultIfEmpty(0m)
            .Max();
    }

    private static void RequirePositive(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Any(v => v <= 0))
        {
            throw new ArgumentException("Every value in the history must be positive.", nameof(values));
        }
    }
}
