namespace Orleans.Fin.Wealth.Domain;

/// <summary>
/// Brings a portfolio back to its target weights when its drift exceeds a band. The whole portfolio (holdings at NAV
/// plus cash) is split by the targets; each product then trades exactly its gap to target, which is the least
/// turnover that reaches the targets: new cash pays for buys first and only holdings above target are sold (a
/// product with no target is sold out). Sold units are rounded to 4 decimals and proceeds to the cent; buy amounts
/// are rounded down to the cent and the units bought down to 4 decimals, so buys never spend more than the cash
/// available and value is conserved to within a cent per trade.
/// </summary>
public static class Rebalancer
{
    public const decimal DefaultBand = 0.05m;
    private const int UnitDecimals = 4;

    public static RebalancePlan Plan(
        IReadOnlyDictionary<string, decimal> units,
        IReadOnlyDictionary<string, decimal> navs,
        decimal cash,
        IReadOnlyDictionary<string, decimal> targets,
        decimal band = DefaultBand)
    {
        Validate(units, navs, cash, targets, band);
        var values = PortfolioAnalytics.HoldingValues(units, navs);
        var total = cash + values.Values.Sum();
        var drift = total <= 0 ? 0m : PortfolioAnalytics.Drift(PortfolioAnalytics.Weights(units, navs, cash), targets);
        if (drift <= band)
        {
            return new RebalancePlan(drift, [], cash);
        }

        var ids = units.Keys.Union(targets.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var trades = new List<Trade>();
        var available = cash;
        foreach (var id in ids)
        {
            var gap = values.GetValueOrDefault(id) - (targets.GetValueOrDefault(id) * total);
            if (gap <= 0)
            {
                continue;
            }

            var nav = navs[id];
            var held = units[id];
            var sell = targets.GetValueOrDefault(id) == 0
                ? held
                : Math.Min(held, decimal.Round(gap / nav, UnitDecimals, MidpointRounding.AwayFromZero));
            var proceeds = decimal.Round(sell * nav, 2, MidpointRounding.AwayFromZero);
            if (sell > 0 && proceeds > 0)
            {
                trades.Add(new Trade(id, TradeSide.Sell, sell, nav, proceeds));
                available += proceeds;
            }
        }

        foreach (var id in ids)
        {
            var gap = (targets.GetValueOrDefault(id) * total) - values.GetValueOrDefault(id);
            var amount = Math.Min(available, decimal.Round(gap, 2, MidpointRounding.ToZero));
            if (amount <= 0)
            {
                continue;
            }

            var nav = navs[id];
            var bought = decimal.Round(amount / nav, UnitDecimals, MidpointRounding.ToZero);
            if (bought > 0)
            {
                trades.Add(new Trade(id, TradeSide.Buy, bought, nav, amount));
                available -= amount;
            }
        }

        return new RebalancePlan(drift, trades, available);
    }

    /// <summary>Units held after settling the trades (products sold out are dropped).</summary>
    public static IReadOnlyDictionary<string, decimal> Apply(IReadOnlyDictionary<string, decimal> units, IEnumerable<Trade> trades)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(trades);
        var after = new Dictionary<string, decimal>(units, StringComparer.Ordinal);
        foreach (var trade in trades)
        {
            var delta = trade.Side == TradeSide.Buy ? trade.Units : -trade.Units;
            after[trade.ProductId] = after.GetValueOrDefault(trade.ProductId) + delta;
        }

        return after.Where(u => u.Value != 0).ToDictionary(u => u.Key, u => u.Value, StringComparer.Ordinal);
    }

    private static void Validate(
        IReadOnlyDictionary<string, decimal> units,
        IReadOnlyDictionary<string, decimal> navs,
        decimal cash,
        IReadOnlyDictionary<string, decimal> targets,
        decimal band)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(navs);
        ArgumentNullException.ThrowIfNull(targets);
        if (cash < 0)
        {
            throw new ArgumentException("Cash cannot be negative.", nameof(cash));
        }

        if (band is < 0 or >= 1)
        {
            throw new ArgumentException("The drift band is a fraction in [0, 1).", nameof(band));
        }

        if (units.Values.Any(u => u < 0))
        {
            throw new ArgumentException("Units cannot be negative.", nameof(units));
        }

        if (targets.Values.Any(w => w < 0) || targets.Values.Sum() != 1m)
        {
            throw new ArgumentException("Target weights must be non-negative and sum to exactly 1.", nameof(targets));
        }

        foreach (var id in units.Keys.Union(targets.Keys, StringComparer.Ordinal))
        {
            if (!navs.TryGetValue(id, out var nav) || nav <= 0)
            {
                throw new ArgumentException($"No positive NAV for product '{id}'.", nameof(navs));
            }
        }
    }
}
