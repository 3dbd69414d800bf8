namespace Orleans.Fin.Wealth.Domain;

/// <summary>
/// A time-weighted unit-value index: the growth of one unit of money invested on the first day, untouched by the
/// customer's own subscriptions and redemptions. Each day's return is (Vₜ − Fₜ) / Vₜ₋₁ − 1, where Vₜ is the closing
/// value (holdings at the day's NAV plus cash) after the day's changes and Fₜ the money that came in or went out that
/// day; trades settle at the same day's NAV, so a flow moves Vₜ by exactly Fₜ. Return, volatility and drawdown are
/// then measured on the index rather than on the value, which money flows would distort.
/// </summary>
public static class PerformanceIndex
{
    /// <param name="changes">Holdings changes, oldest first.</param>
    /// <param name="days">Trading days with their NAVs, oldest first, covering the period to value.</param>
    public static IReadOnlyList<ValuationPoint> Build(
        IReadOnlyList<HoldingsChange> changes, IReadOnlyList<(DateOnly Date, IReadOnlyDictionary<string, decimal> Navs)> days)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(days);
        var points = new List<ValuationPoint>(days.Count);
        var holdings = Holdings.Empty;
        var next = 0;
        var previousValue = 0m;
        var index = 1m;
        foreach (var (date, navs) in days)
        {
            var flow = 0m;
            while (next < changes.Count && changes[next].Date <= date)
            {
                holdings = changes[next].After;
                flow += changes[next].ExternalFlow;
                next++;
            }

            var value = PortfolioAnalytics.MarketValue(holdings.Units, navs, holdings.Cash);
            if (previousValue > 0 && value - flow > 0)
            {
                index *= (value - flow) / previousValue;
            }

            if (points.Count > 0 || value > 0)
            {
                points.Add(new ValuationPoint(date, value, index));
            }

            previousValue = value;
        }

        return points;
    }
}
