namespace Orleans.Fin.Risk;

/// <summary>
/// What one risk grain adds to the indicators since its last report: payment decisions (and how many used a model score),
/// payment checks (and how many were complete), payments that stayed unreported for the label window (and how many of
/// them were allowed, the right call), and confirmed-fraud episodes by amount (stopped, and stopped by the rules-only
/// baseline in shadow).
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.RiskKpiTally")]
public sealed record RiskKpiTally(
    long Decisions,
    long DecisionsWithModel,
    long RecordsChecked,
    long RecordsValid,
    long UnreportedLabelled,
    long UnreportedCorrect,
    decimal FraudAmount,
    decimal FraudAmountStopped,
    decimal FraudAmountStoppedByBaseline)
{
    public static readonly RiskKpiTally Empty = new(0, 0, 0, 0, 0, 0, 0m, 0m, 0m);

    public bool IsEmpty => this == Empty;

    public RiskKpiTally Add(RiskKpiTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            Decisions + other.Decisions, DecisionsWithModel + other.DecisionsWithModel, RecordsChecked + other.RecordsChecked,
            RecordsValid + other.RecordsValid, UnreportedLabelled + other.UnreportedLabelled, UnreportedCorrect + other.UnreportedCorrect,
            FraudAmount + other.FraudAmount, FraudAmountStopped + other.FraudAmountStopped,
            FraudAmountStoppedByBaseline + other.FraudAmountStoppedByBaseline);
    }
}
