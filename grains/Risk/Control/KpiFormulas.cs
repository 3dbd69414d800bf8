using Orleans.Fin.Loans;

namespace Orleans.Fin.Risk.Control;

/// <summary>
/// The plan's indicators from the counters the risk engine and the loan portfolio keep (docs/MODELS.md, "KPIs"):
/// <list type="bullet">
/// <item>riskIdentificationAccuracy = correct ÷ labelled risk decisions. A resolved case labels the engine's decision on
/// the customer (correct when the engine opened it and it was fraud, or a person referred it and it was not); a payment
/// that stayed unreported for the label window is a negative (correct when it was allowed).</item>
/// <item>fraudInterceptionRate = confirmed-fraud amount stopped ÷ all confirmed-fraud amount;
/// fraudInterceptionUplift = that rate ÷ the rules-only baseline's rate on the same payments − 1.</item>
/// <item>modelUsageRate = automated risk and credit decisions that used a model score ÷ all automated decisions.</item>
/// <item>dataQualityRate = complete payment checks ÷ payment checks.</item>
/// <item>overdueRate, nplRatio by outstanding principal, the ...ByCount ones by number of open loans.</item>
/// <item>falsePositiveRate = false positives ÷ resolved cases; time to freeze as p50 and p99 by nearest rank.</item>
/// </list>
/// </summary>
public static class KpiFormulas
{
    public static RiskKpis Compute(RiskKpiState s, LoanPortfolioView loans)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(loans);
        var labelled = s.CasesResolved + s.UnreportedLabelled;
        var correct = s.CasesCorrect + s.UnreportedCorrect;
        var counts = new RiskKpiCounts(
            s.CasesOpened, s.CasesOpenedByEngine, s.CasesOpened - s.CasesResolved, s.CasesResolved, s.ConfirmedFraud, s.ConfirmedFraudByEngine,
            s.FalsePositives, s.AccountsFrozen, s.FreezeMs.Count, s.ChallengesIssued, s.ChallengesPassed, s.ChallengesDeclined, s.AlertsRaised,
            labelled, correct, s.UnreportedLabelled, s.RiskDecisions, s.RiskDecisionsWithModel, loans.AutomaticDecisions,
            loans.AutomaticDecisionsWithModel, s.RecordsChecked, s.RecordsValid, s.FraudAmount, s.FraudAmountStopped, s.FraudAmountStoppedByBaseline);
        var sorted = s.FreezeMs.Order().ToList();
        var p50 = Percentile(sorted, 0.50);
        var p99 = Percentile(sorted, 0.99);
        var interception = Ratio(s.FraudAmountStopped, s.FraudAmount);
        return new RiskKpis(
            Ratio(correct, labelled),
            interception,
            Ratio(s.FalsePositives, s.CasesResolved),
            p50,
            p99,
            counts,
            Uplift(interception, Ratio(s.FraudAmountStoppedByBaseline, s.FraudAmount)),
            Ratio(s.RiskDecisionsWithModel + loans.AutomaticDecisionsWithModel, s.RiskDecisions + loans.AutomaticDecisions),
            Ratio(s.RecordsValid, s.RecordsChecked),
            Ratio(loans.OverdueOutstanding + loans.NonPerformingOutstanding, loans.Outstanding),
            Ratio(loans.NonPerformingOutstanding, loans.Outstanding),
            Ratio(loans.Overdue + loans.NonPerforming, loans.OpenLoans),
            Ratio(loans.NonPerforming, loans.OpenLoans),
            new FreezeTimes(p50, p99, s.FreezeMs.Count));
    }

    public static double? Ratio(long part, long whole) => whole <= 0 ? null : (double)part / whole;

    public static double? Ratio(decimal part, decimal whole) => whole <= 0 ? null : (double)(part / whole);

    /// <summary>How much better the serving rate is than the baseline's: rate ÷ baseline − 1; null when the baseline stopped nothing.</summary>
    public static double? Uplift(double? rate, double? baseline) => rate is { } r && baseline is { } b && b > 0 ? (r / b) - 1 : null;

    /// <summary>Nearest-rank percentile of ascending <paramref name="sorted"/>; null when empty.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
