namespace Orleans.Fin.Loans.Domain;

/// <summary>Portfolio ratios and when they warn: an alert when a ratio rises above its threshold, not while it stays there.</summary>
public static class PortfolioWarnings
{
    public static double? Ratio(long part, long whole) => whole <= 0 ? null : (double)part / whole;

    /// <summary>True when the ratio went from at or below the threshold to above it, with enough loans to mean something.</summary>
    public static bool CrossedAbove(double? before, double? after, double threshold, int openLoans, int minimumOpenLoans) =>
        openLoans >= minimumOpenLoans && after > threshold && !(before > threshold);
}
