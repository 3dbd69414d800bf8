namespace Orleans.Fin.Wealth.Domain;

/// <summary>The fixed catalogue of funds, one per asset class.</summary>
public static class ProductCatalogue
{
    public const string MoneyMarket = "MMF-01";
    public const string ShortBond = "SBD-01";
    public const string Bond = "BND-01";
    public const string Balanced = "BAL-01";
    public const string Csi300Index = "IDX-300";
    public const string SectorEquity = "SEC-01";
    public const string OverseasEquity = "OVS-01";
    public const string Gold = "GLD-01";

    public static IReadOnlyList<Product> All { get; } =
    [
        new(MoneyMarket, "Money Market Fund", AssetClass.MoneyMarket, RiskGrade.R1),
        new(ShortBond, "Short-Term Bond Fund", AssetClass.ShortBond, RiskGrade.R2),
        new(Bond, "Aggregate Bond Fund", AssetClass.Bond, RiskGrade.R2),
        new(Balanced, "Balanced Fund", AssetClass.Balanced, RiskGrade.R3),
        new(Gold, "Gold ETF Feeder Fund", AssetClass.Gold, RiskGrade.R3),
        new(Csi300Index, "CSI 300 Index Fund", AssetClass.EquityIndex, RiskGrade.R4),
        new(OverseasEquity, "Overseas Equity Fund", AssetClass.OverseasEquity, RiskGrade.R4),
        new(SectorEquity, "Technology Sector Equity Fund", AssetClass.SectorEquity, RiskGrade.R5),
    ];

    private static readonly Dictionary<string, Product> ById = All.ToDictionary(p => p.Id, StringComparer.Ordinal);

    public static Product? Find(string productId) => ById.GetValueOrDefault(productId);

    public static Product Get(string productId) =>
        Find(productId) ?? throw new ArgumentException($"Unknown product '{productId}'.", nameof(productId));

    /// <summary>The products a customer at <paramref name="level"/> may buy.</summary>
    public static IReadOnlyList<Product> SuitableFor(InvestorRiskClass level) =>
        [.. All.Where(p => Suitability.IsSuitable(level, p.RiskGrade))];
}
