namespace Orleans.Fin.Risk;

/// <summary>Persisted counters behind /ops/kpis (JSON; new members need defaults).</summary>
public sealed class RiskKpiState
{
    public int SchemaVersion { get; set; } = 1;
    public long CasesOpened { get; set; }
    public long CasesOpenedByEngine { get; set; }
    public long CasesResolved { get; set; }
    public long ConfirmedFraud { get; set; }
    public long ConfirmedFraudByEngine { get; set; }
    public long FalsePositives { get; set; }
    public long AccountsFrozen { get; set; }
    public long ChallengesIssued { get; set; }
    public long ChallengesPassed { get; set; }
    public long ChallengesDeclined { get; set; }
    public long AlertsRaised { get; set; }

    /// <summary>Resolved cases whose label agreed with the engine (it opened the case and it was fraud, or a person did and it was not).</summary>
    public long CasesCorrect { get; set; }

    public long UnreportedLabelled { get; set; }
    public long UnreportedCorrect { get; set; }
    public long RiskDecisions { get; set; }
    public long RiskDecisionsWithModel { get; set; }
    public long RecordsChecked { get; set; }
    public long RecordsValid { get; set; }

    /// <summary>Payments of confirmed-fraud cases, CNY: all, stopped, and stopped by the rules-only baseline.</summary>
    public decimal FraudAmount { get; set; }
    public decimal FraudAmountStopped { get; set; }
    public decimal FraudAmountStoppedByBaseline { get; set; }

    /// <summary>The latest event-to-freeze times in milliseconds, oldest first.</summary>
    public List<double> FreezeMs { get; set; } = [];
}
