namespace Orleans.Fin.Risk;

/// <summary>Counts behind the risk indicators.</summary>
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
    long AlertsRaised);

/// <summary>
/// Risk indicators: ratios are fractions (null until there is something to divide by), times in milliseconds from the
/// triggering event to the freeze landing.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.RiskKpis")]
public sealed record RiskKpis(
    double? RiskIdentificationAccuracy,
    double? FraudInterceptionRate,
    double? FalsePositiveRate,
    double? MedianTimeToFreezeMs,
    double? P99TimeToFreezeMs,
    RiskKpiCounts Counts);
