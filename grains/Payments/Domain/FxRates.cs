namespace Orleans.Fin.Payments.Domain;

/// <summary>
/// Converts between currencies at the rate table. The cross rate has 6 decimal places; the credited amount is cut
/// (not rounded) to the cent, so a conversion never credits more than the exact product.
/// </summary>
public static class FxRates
{
    public static decimal CrossRate(IReadOnlyDictionary<string, decimal> cnyPerUnit, string from, string to)
    {
        if (!cnyPerUnit.TryGetValue(from, out var fromCny) || !cnyPerUnit.TryGetValue(to, out var toCny) || fromCny <= 0 || toCny <= 0)
        {
            throw new ArgumentException($"No rate from {from} to {to}.");
        }

        return from == to ? 1m : decimal.Round(fromCny / toCny, 6, MidpointRounding.AwayFromZero);
    }

    public static decimal Convert(decimal amount, decimal rate) => decimal.Round(amount * rate, 2, MidpointRounding.ToZero);

    public static FxQuote Quote(IReadOnlyDictionary<string, decimal> cnyPerUnit, decimal amount, string from, string to)
    {
        var rate = CrossRate(cnyPerUnit, from, to);
        return new FxQuote(rate, Convert(amount, rate), to);
    }
}
