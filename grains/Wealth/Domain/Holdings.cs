namespace Orleans.Fin.Wealth.Domain;

/// <summary>What a portfolio holds: fund units per product (4 decimals) and uninvested cash (cents).</summary>
public sealed record Holdings(IReadOnlyDictionary<string, decimal> Units, decimal Cash)
{
    public static Holdings Empty { get; } = new(new Dictionary<string, decimal>(StringComparer.Ordinal), 0m);

    /// <summary>The holdings after settling <paramref name="trades"/>: buys spend cash, sells add proceeds.</summary>
    public Holdings After(IEnumerable<Trade> trades, decimal cashIn = 0m)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var list = trades.ToList();
        var cash = Cash + cashIn + list.Sum(t => t.Side == TradeSide.Sell ? t.Amount : -t.Amount);
        return new Holdings(Rebalancer.Apply(Units, list), cash);
    }
}
