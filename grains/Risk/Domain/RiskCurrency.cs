namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// Approximate CNY-equivalents for behaviour statistics. Not for booking money: a few percent off does not change a
/// pattern, and the profile must not depend on the live rate table.
/// </summary>
public static class RiskCurrency
{
    private static readonly Dictionary<string, decimal> CnyPerUnit = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CNY"] = 1m,
        ["USD"] = 7.1m,
        ["EUR"] = 7.7m,
        ["HKD"] = 0.91m,
        ["GBP"] = 9.0m,
        ["JPY"] = 0.047m,
    };

    /// <summary>The currencies with a reference rate here.</summary>
    public static Dictionary<string, decimal>.KeyCollection Codes => CnyPerUnit.Keys;

    /// <summary>The amount in CNY; an unknown or missing currency is taken as CNY.</summary>
    public static decimal ToCny(decimal amount, string? currency) =>
        currency is not null && CnyPerUnit.TryGetValue(currency, out var rate) ? decimal.Round(amount * rate, 2) : amount;

    /// <summary>Whether <paramref name="currency"/> has a reference rate here.</summary>
    public static bool IsKnown(string? currency) => currency is not null && CnyPerUnit.ContainsKey(currency);
}
