namespace Orleans.Fin.Risk.Control;

/// <summary>
/// The risk indicators from the counters: accuracy = confirmed fraud / resolved cases; interception = confirmed fraud
/// the engine caught itself / all confirmed fraud (the rest was referred by people); false-positive rate = false
/// positives / resolved cases; times to freeze as the median and 99th percentile (nearest rank) of the latest samples.
/// </summary>
public static class RiskKpiMath
{
    public static RiskKpis Compute(RiskKpiState s)
    {
        var counts = new RiskKpiCounts(
            s.CasesOpened, s.CasesOpenedByEngine, s.CasesOpened - s.CasesResolved, s.CasesResolved, s.ConfirmedFraud, s.ConfirmedFraudByEngine,
            s.FalsePositives, s.AccountsFrozen, s.FreezeMs.Count, s.ChallengesIssued, s.ChallengesPassed, s.ChallengesDeclined, s.AlertsRaised);
        var sorted = s.FreezeMs.Order().ToList();
        return new RiskKpis(
            Ratio(s.ConfirmedFraud, s.CasesResolved),
            Ratio(s.ConfirmedFraudByEngine, s.ConfirmedFraud),
            Ratio(s.FalsePositives, s.CasesResolved),
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.99),
            counts);
    }

    public static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>Nearest-rank percentile of ascending <paramref name="sorted"/>; null when empty.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
