using System.Collections.ObjectModel;

namespace Orleans.Fin.Wealth.Domain;

/// <summary>Target weights per risk level; each sums to exactly 1 and holds only products suitable for the level.</summary>
public static class ModelPortfolios
{
    private static readonly Dictionary<InvestorRiskClass, IReadOnlyDictionary<string, decimal>> Targets = new()
    {
        // The money market fund is the only R1 product, so C1 holds nothing else.
        [InvestorRiskClass.C1] = Weights((ProductCatalogue.MoneyMarket, 1.00m)),
        [InvestorRiskClass.C2] = Weights(
            (ProductCatalogue.MoneyMarket, 0.20m), (ProductCatalogue.ShortBond, 0.40m), (ProductCatalogue.Bond, 0.40m)),
        [InvestorRiskClass.C3] = Weights(
            (ProductCatalogue.MoneyMarket, 0.10m), (ProductCatalogue.ShortBond, 0.20m), (ProductCatalogue.Bond, 0.25m),
            (ProductCatalogue.Balanced, 0.30m), (ProductCatalogue.Gold, 0.15m)),
        [InvestorRiskClass.C4] = Weights(
            (ProductCatalogue.MoneyMarket, 0.05m), (ProductCatalogue.Bond, 0.20m), (ProductCatalogue.Balanced, 0.20m),
            (ProductCatalogue.Gold, 0.10m), (ProductCatalogue.Csi300Index, 0.30m), (ProductCatalogue.OverseasEquity, 0.15m)),
        [InvestorRiskClass.C5] = Weights(
            (ProductCatalogue.MoneyMarket, 0.05m), (ProductCatalogue.Bond, 0.10m), (ProductCatalogue.Balanced, 0.10m),
            (ProductCatalogue.Gold, 0.10m), (ProductCatalogue.Csi300Index, 0.30m), (ProductCatalogue.OverseasEquity, 0.20m),
            (ProductCatalogue.SectorEquity, 0.15m)),
    };

    public static IReadOnlyDictionary<string, decimal> TargetFor(InvestorRiskClass level) =>
        Targets.TryGetValue(level, out var target)
            ? target
            : throw new ArgumentException($"Unknown risk level {(int)level}.", nameof(level));

    private static ReadOnlyDictionary<string, decimal> Weights(
        params (string ProductId, decimal Weight)[] weights) =>
        weights.ToDictionary(w => w.ProductId, w => w.Weight, StringComparer.Ordinal).AsReadOnly();
}
