namespace Orleans.Fin.Loans;

/// <summary>Early warning on the loan portfolio (section "Loans"): ratios are fractions (0.10 = 10%).</summary>
public sealed class LoanPortfolioOptions
{
    public const string Section = "Loans";

    /// <summary>An alert when (Overdue + NonPerforming) / open loans rises above this.</summary>
    public double OverdueRateAlert { get; set; } = 0.10;

    /// <summary>An alert when NonPerforming / open loans rises above this.</summary>
    public double NplRatioAlert { get; set; } = 0.05;

    /// <summary>Ratios over fewer open loans than this do not alert (one late loan of three is not a trend).</summary>
    public int MinimumOpenLoans { get; set; } = 10;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (double.IsNaN(OverdueRateAlert) || OverdueRateAlert is <= 0 or >= 1)
        {
            problems.Add($"{Section}:{nameof(OverdueRateAlert)} must be between 0 and 1 (exclusive).");
        }

        if (double.IsNaN(NplRatioAlert) || NplRatioAlert is <= 0 or >= 1)
        {
            problems.Add($"{Section}:{nameof(NplRatioAlert)} must be between 0 and 1 (exclusive).");
        }

        if (MinimumOpenLoans < 1)
        {
            problems.Add($"{Section}:{nameof(MinimumOpenLoans)} must be at least 1.");
        }

        return problems;
    }
}
