using Orleans.Fin.Common;

namespace Orleans.Fin.Wealth.Domain;

/// <summary>
/// The trades behind a subscription or a redemption, at the day's NAVs. Units bought are rounded down to 4 decimals
/// (a buy never spends more than it has); units sold are each product's share rounded to 4 decimals, topped up until
/// the proceeds cover the payout (a redemption always raises what it pays out); money is in cents. What rounding leaves over stays in the portfolio as cash, so nothing is created or lost.
/// </summary>
public static class FundOrders
{
    public const int UnitDecimals = 4;

    /// <summary>Buys one product for the whole amount.</summary>
    public static IReadOnlyList<Trade> BuyProduct(string productId, decimal amount, IReadOnlyDictionary<string, decimal> navs)
    {
        ArgumentNullException.ThrowIfNull(navs);
        RequireAmount(amount);
        var nav = PositiveNav(navs, productId);
        var units = decimal.Round(amount / nav, UnitDecimals, MidpointRounding.ToZero);
        return units > 0 ? [new Trade(productId, TradeSide.Buy, units, nav, amount)] : [];
    }

    /// <summary>
    /// Invests <paramref name="amount"/> of new cash along the targets without selling anything, in proportion to each
    /// product's gap to its target weight of the portfolio after the cash arrives (an overweight product gets nothing).
    /// The gaps always add up to at least the new cash (targets sum to 1), so on target or empty this is a split by
    /// target weight.
    /// </summary>
    public static IReadOnlyList<Trade> BuyTowardsTargets(
        Holdings holdings, IReadOnlyDictionary<string, decimal> navs, IReadOnlyDictionary<string, decimal> targets, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        ArgumentNullException.ThrowIfNull(navs);
        ArgumentNullException.ThrowIfNull(targets);
        RequireAmount(amount);
        var values = PortfolioAnalytics.HoldingValues(holdings.Units, navs);
        var total = holdings.Cash + values.Values.Sum() + amount;
        var gaps = targets.ToDictionary(
            t => t.Key, t => Math.Max(0m, (t.Value * total) - values.GetValueOrDefault(t.Key)), StringComparer.Ordinal);
        var gapSum = gaps.Values.Sum();
        var trades = new List<Trade>();
        var left = amount;
        foreach (var (id, weight) in targets.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var share = gapSum > 0 ? amount * gaps[id] / gapSum : amount * weight;
            var spend = Math.Min(left, decimal.Round(share, 2, MidpointRounding.ToZero));
            if (spend <= 0)
            {
                continue;
            }

            var nav = PositiveNav(navs, id);
            var units = decimal.Round(spend / nav, UnitDecimals, MidpointRounding.ToZero);
            if (units > 0)
            {
                trades.Add(new Trade(id, TradeSide.Buy, units, nav, spend));
                left -= spend;
            }
        }

        return trades;
    }

    /// <summary>
    /// The sells that raise <paramref name="amount"/>: idle cash is used first, then every holding is sold in proportion
    /// to its value, so the weights stay where they were. Asking for the whole market value sells everything.
    /// </summary>
    public static IReadOnlyList<Trade> SellFor(Holdings holdings, IReadOnlyDictionary<string, decimal> navs, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        ArgumentNullException.ThrowIfNull(navs);
        RequireAmount(amount);
        var marketValue = PortfolioAnalytics.MarketValue(holdings.Units, navs, holdings.Cash);
        if (amount > marketValue)
        {
            throw new ArgumentException($"The amount {amount} exceeds the portfolio's value {marketValue}.", nameof(amount));
        }

        var ids = holdings.Units.Keys.Order(StringComparer.Ordinal).ToList();
        if (amount == marketValue)
        {
            return [.. ids.Select(id => Sell(id, holdings.Units[id], navs[id]))];
        }

        var needed = amount - Math.Min(amount, holdings.Cash);
        if (needed <= 0)
        {
            return [];
        }

        var values = PortfolioAnalytics.HoldingValues(holdings.Units, navs);
        var invested = values.Values.Sum();
        var order = ids.OrderByDescending(i => values[i]).ThenBy(i => i, StringComparer.Ordinal).ToList();
        var sold = ids.ToDictionary(
            id => id,
            id => Math.Min(holdings.Units[id], decimal.Round(needed * values[id] / invested / navs[id], UnitDecimals, MidpointRounding.AwayFromZero)),
            StringComparer.Ordinal);
        decimal Raised() => sold.Sum(s => Proceeds(s.Value, navs[s.Key]));

        // Shares rounded to cents can fall a cent or two short: top up from the largest holdings that have units left.
        foreach (var id in order)
        {
            var shortfall = needed - Raised();
            if (shortfall <= 0)
            {
                break;
            }

            var more = decimal.Round(shortfall / navs[id], UnitDecimals, MidpointRounding.ToPositiveInfinity);
            sold[id] = Math.Min(holdings.Units[id], sold[id] + more);
        }

        return [.. ids.Select(id => Sell(id, sold[id], navs[id])).Where(t => t.Amount > 0)];
    }

    /// <summary>What selling <paramref name="units"/> at <paramref name="nav"/> pays, to the cent.</summary>
    public static decimal Proceeds(decimal units, decimal nav) => decimal.Round(units * nav, 2, MidpointRounding.AwayFromZero);

    private static Trade Sell(string id, decimal units, decimal nav) => new(id, TradeSide.Sell, units, nav, Proceeds(units, nav));

    private static decimal PositiveNav(IReadOnlyDictionary<string, decimal> navs, string productId) =>
        navs.TryGetValue(productId, out var nav) && nav > 0
            ? nav
            : throw new ArgumentException($"No positive NAV for product '{productId}'.", nameof(navs));

    private static void RequireAmount(decimal amount)
    {
        if (MoneyRules.Validate(amount) is { } error)
        {
            throw new ArgumentException(error, nameof(amount));
        }
    }
}
