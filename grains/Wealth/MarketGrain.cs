using Orleans.Concurrency;
using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.Wealth;

/// <summary>Answers catalogue and NAV questions from the silo's own <see cref="MarketFeed"/>: no state, no hot spot.</summary>
[StatelessWorker]
public sealed class MarketGrain(MarketFeed market, TimeProvider clock) : Grain, IMarketGrain
{
    public const int MaxHistoryDays = 2_600;

    public Task<IReadOnlyList<ProductView>> GetProducts()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var navs = market.NavsOn(today);
        var navDate = market.NavDate(today);
        IReadOnlyList<ProductView> products =
            [.. ProductCatalogue.All.Select(p => new ProductView(p.Id, p.Name, p.AssetClass.ToString(), p.RiskGrade.ToString(), navs[p.Id], navDate))];
        return Task.FromResult(products);
    }

    public Task<IReadOnlyList<NavPoint>?> GetNavHistory(string productId, int days)
    {
        if (ProductCatalogue.Find(productId) is null)
        {
            return Task.FromResult<IReadOnlyList<NavPoint>?>(null);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var all = market.Days(market.Inception, today);
        IReadOnlyList<NavPoint> history = [.. all.Skip(Math.Max(0, all.Count - Math.Clamp(days, 1, MaxHistoryDays))).Select(d => new NavPoint(d.Date, d.Navs[productId]))];
        return Task.FromResult<IReadOnlyList<NavPoint>?>(history);
    }
}
