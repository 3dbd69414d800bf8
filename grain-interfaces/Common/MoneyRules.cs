namespace Orleans.Fin.Common;

/// <summary>The one place that decides whether an amount of money is acceptable on a request.</summary>
public static class MoneyRules
{
    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>Returns an error message, or null when the amount is valid (&gt; 0, ≤ 1,000,000,000, at most 2 decimal places).</summary>
    public static string? Validate(decimal? amount)
    {
        if (amount is not { } value)
        {
            return "amount is required.";
        }

        if (value <= 0)
        {
            return "amount must be greater than 0.";
        }

        if (value > MaxAmount)
        {
            return "amount must not exceed 1,000,000,000.";
        }

        return decimal.Round(value, 2) != value ? "amount must have at most 2 decimal places." : null;
    }
}
