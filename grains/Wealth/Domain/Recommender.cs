namespace Orleans.Fin.Wealth.Domain;

/// <summary>
/// Ranks the products a customer may buy. Only products suitable for the level are considered. Those the portfolio is
/// short of (target above current weight) come first, the largest gap first; among equal gaps a product the customer
/// has held before ranks higher (it is familiar), then the lower risk grade. Suitable products outside the model
/// portfolio or at target follow, so the customer sees every choice open to them, never one above their level.
/// </summary>
public static class Recommender
{
    public static IReadOnlyList<Recommendation> Rank(
        InvestorRiskClass level,
        IReadOnlyDictionary<string, decimal> targets,
        IReadOnlyDictionary<string, decimal> weights,
        decimal marketValue,
        IReadOnlySet<string> previouslyHeld)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(previouslyHeld);
        return [.. ProductCatalogue.SuitableFor(level)
            .Select(p =>
            {
                var target = targets.GetValueOrDefault(p.Id);
                var current = weights.GetValueOrDefault(p.Id);
                var gap = target - current;
                var held = previouslyHeld.Contains(p.Id);
                var suggested = gap > 0 ? decimal.Round(gap * Math.Max(0m, marketValue), 2, MidpointRounding.ToZero) : 0m;
                return new Recommendation(p, current, target, gap, suggested, held, ReasonFor(target, gap, held));
            })
            .OrderByDescending(r => r.Gap > 0)
            .ThenByDescending(r => r.Gap > 0 ? r.Gap : 0m)
            .ThenByDescending(r => r.PreviouslyHeld)
            .ThenBy(r => r.Product.RiskGrade)
            .ThenBy(r => r.Product.Id, StringComparer.Ordinal)];
    }

    private static string ReasonFor(decimal target, decimal gap, bool held) => (target, gap, held) switch
    {
        (> 0, > 0, true) => "Below its target weight; you have held it before.",
        (> 0, > 0, false) => "Below its target weight in your model portfolio.",
        (> 0, _, _) => "At or above its target weight.",
        (_, _, true) => "Suitable for your risk level; you have held it before (not in your model portfolio).",
        _ => "Suitable for your risk level (not in your model portfolio).",
    };
}
