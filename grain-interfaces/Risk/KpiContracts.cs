namespace Orleans.Fin.Risk;

/// <summary>Counts behind the risk indicators (amounts in CNY-equivalents).</summary>
[GenerateSerializer, Immutable, Alias("fin.RiskKpiCounts")]
public sealed record RiskKpiCounts(
    long CasesOpened,
    long CasesOpenedByEngine,
    long CasesOpen,
    long CasesResolved,
    long ConfirmedFraud,
    long ConfirmedFraudByEngine,
    long FalsePositives,
    long AccountsFrozen,
    long FreezeTimingSamples,
    long ChallengesIssued,
    long ChallengesPassed,
    long ChallengesDeclined,
    long AlertsRaised,
    long LabelledDecisions = 0,
    long CorrectDecisions = 0,
    long UnreportedPayments = 0,
    long RiskDecisions = 0,
    long RiskDecisionsWithModel = 0,
    long CreditDecisions = 0,
    long CreditDecisionsWithModel = 0,
    long RecordsChecked = 0,
    long RecordsValid = 0,
    decimal ConfirmedFraudAmount = 0,
    decimal FraudAmountStopped = 0,
    decimal FraudAmountStoppedByBaseline = 0);

/// <summary>
/// The plan's indicators: ratios are fractions (null until there is something to divide by), times in milliseconds from
/// the triggering event to the freeze landing. The formulas are in <c>KpiFormulas</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.RiskKpis")]
public sealed record RiskKpis(
    double? RiskIdentificationAccuracy,
    double? FraudInterceptionRate,
    double? FalsePositiveRate,
    double? MedianTimeToFreezeMs,
    double? P99TimeToFreezeMs,
    RiskKpiCounts Counts,
    double? FraudInterceptionUplift = null,
    double? ModelUsageRate = null,
    double? DataQualityRate = null,
    double? OverdueRate = null,
    double? NplRatio = null,
    double? OverdueRateByCount = null,
    double? NplRatioByCount = null,
    FreezeTimes? TimeToFreezeMs = null);
