namespace Orleans.Fin.Wealth.Domain;

/// <summary>The asset classes the market simulator prices; every product belongs to one.</summary>
public enum AssetClass
{
    MoneyMarket,
    ShortBond,
    Bond,
    Balanced,
    EquityIndex,
    SectorEquity,
    OverseasEquity,
    Gold,
}
