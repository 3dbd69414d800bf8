using Microsoft.Extensions.Options;
using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.Wealth;

/// <summary>
/// The NAVs of every product on every trading day since inception, from the deterministic market simulator. One per
/// silo; the path is extended as business time moves on and kept (a decade is about 2,600 days of 8 NAVs).
/// </summary>
public sealed class MarketFeed
{
    private readonly Lock gate = new();
    private readonly MarketSimulator simulator;
    private readonly List<DateOnly> dates = [];
    private readonly List<IReadOnlyDictionary<string, decimal>> navs = [];

    public MarketFeed(IOptions<WealthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        simulator = new MarketSimulator(options.Value.MarketSeed);
        Inception = TradingCalendar.OnOrAfter(options.Value.MarketInception);
        dates.Add(Inception);
        navs.Add(ByProduct(simulator.Navs));
    }

    public DateOnly Inception { get; }

    /// <summary>The NAV day that prices <paramref name="today"/>: the latest trading day on or before it (never before inception).</summary>
    public DateOnly NavDate(DateOnly today) => today <= Inception ? Inception : TradingCalendar.OnOrBefore(today);

    /// <summary>Every product's NAV on the NAV day of <paramref name="date"/>.</summary>
    public IReadOnlyDictionary<string, decimal> NavsOn(DateOnly date)
    {
        lock (gate)
        {
            return navs[ExtendTo(NavDate(date))];
        }
    }

    /// <summary>The trading days from <paramref name="from"/> to <paramref name="to"/> (both priced by their NAV days) with NAVs.</summary>
    public IReadOnlyList<(DateOnly Date, IReadOnlyDictionary<string, decimal> Navs)> Days(DateOnly from, DateOnly to)
    {
        lock (gate)
        {
            var first = ExtendTo(NavDate(from));
            var last = ExtendTo(NavDate(to));
            return [.. Enumerable.Range(first, Math.Max(0, last - first + 1)).Select(i => (dates[i], navs[i]))];
        }
    }

    private int ExtendTo(DateOnly navDate)
    {
        var index = TradingCalendar.TradingDaysAfter(Inception, navDate);
        while (dates.Count <= index)
        {
            var next = TradingCalendar.OnOrAfter(dates[^1].AddDays(1));
            navs.Add(ByProduct(simulator.Advance()));
            dates.Add(next);
        }

        return index;
    }

    private static Dictionary<string, decimal> ByProduct(IReadOnlyDictionary<AssetClass, decimal> byClass) =>
        ProductCatalogue.All.ToDictionary(p => p.Id, p => byClass[p.AssetClass], StringComparer.Ordinal);
}
