using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

public sealed class PerformanceIndexTests
{
    // Consecutive days from Monday 2025-01-06 (the index does not care which are trading days), one product "A";
    // every change trades at the day's NAV.
    private static readonly DateOnly Start = new(2025, 1, 6);

    [Fact]
    public void Build_FlowsMarketMovesAndFullRedemption_HandComputedIndex()
    {
        decimal[] navs = [1.00m, 1.00m, 1.10m, 1.10m, 1.32m, 1.32m, 0.99m, 0.99m, 1.00m, 1.00m, 1.10m];
        HoldingsChange[] changes =
        [
            Change(1, units: 1_000m, flow: 1_000m), // subscribe 1,000 at 1.00
            Change(3, units: 1_500m, flow: 550m),   // subscribe 550 at 1.10 (500 units)
            Change(5, units: 1_000m, flow: -660m),  // redeem 500 units at 1.32
            Change(7, units: 0m, flow: -990m),      // redeem everything at 0.99
            Change(9, units: 500m, flow: 500m),     // invest again at 1.00
        ];

        var points = PerformanceIndex.Build(changes, Days(navs));

        // Day 0 has no holdings yet, so no point. Values: units × NAV. Index: (Vₜ − Fₜ) / Vₜ₋₁ chained:
        // d2 1,100/1,000 → 1.1; d3 (1,650 − 550)/1,100 → 1.1; d4 1,980/1,650 → 1.32; d5 (1,320 + 660)/1,980 → 1.32;
        // d6 990/1,320 → 0.99; d7 (0 + 990)/990 → 0.99; d8 nothing invested → 0.99; d9 first day again → 0.99; d10 550/500 → 1.089.
        Assert.Equal(Enumerable.Range(1, 10).Select(d => Start.AddDays(d)), points.Select(p => p.Date));
        Assert.Equal([1_000m, 1_100m, 1_650m, 1_980m, 1_320m, 990m, 0m, 0m, 500m, 550m], points.Select(p => p.Value));
        Assert.Equal([1m, 1.1m, 1.1m, 1.32m, 1.32m, 0.99m, 0.99m, 0.99m, 0.99m, 1.089m], points.Select(p => p.Index));
    }

    [Fact]
    public void Build_SecondSubscription_LeavesTheIndexAsWithoutIt()
    {
        decimal[] navs = [1.00m, 1.25m, 1.50m, 1.20m];
        HoldingsChange[] once = [Change(0, units: 100m, flow: 100m)];
        HoldingsChange[] twice = [.. once, Change(2, units: 300m, flow: 300m)];

        var withoutFlow = PerformanceIndex.Build(once, Days(navs));
        var withFlow = PerformanceIndex.Build(twice, Days(navs));

        Assert.Equal(withoutFlow.Select(p => p.Index), withFlow.Select(p => p.Index));
        Assert.NotEqual(withoutFlow.Select(p => p.Value), withFlow.Select(p => p.Value));
    }

    [Fact]
    public void Build_ChangeDatedOnAWeekend_CountsFromTheNextTradingDay()
    {
        // Days are Friday 01-03 and Monday 01-06; the subscription is dated Saturday 01-04.
        var friday = Start.AddDays(-3);
        (DateOnly, IReadOnlyDictionary<string, decimal>)[] days = [(friday, Nav(1m)), (Start, Nav(1m))];
        HoldingsChange[] changes = [new(friday.AddDays(1), new Holdings(Units(200m), 0m), 200m)];

        var point = Assert.Single(PerformanceIndex.Build(changes, days));

        Assert.Equal(new ValuationPoint(Start, 200m, 1m), point);
    }

    [Fact]
    public void Build_NoChanges_NoPoints() =>
        Assert.Empty(PerformanceIndex.Build([], Days([1m, 1.1m, 1.2m])));

    private static HoldingsChange Change(int day, decimal units, decimal flow) =>
        new(Start.AddDays(day), new Holdings(Units(units), 0m), flow);

    private static List<(DateOnly Date, IReadOnlyDictionary<string, decimal> Navs)> Days(decimal[] navs) =>
        [.. navs.Select((nav, day) => (Start.AddDays(day), Nav(nav)))];

    private static Dictionary<string, decimal> Units(decimal units) =>
        units == 0 ? [] : new(StringComparer.Ordinal) { ["A"] = units };

    private static Dictionary<string, decimal> Nav(decimal nav) =>
        new Dictionary<string, decimal>(StringComparer.Ordinal) { ["A"] = nav };
}
