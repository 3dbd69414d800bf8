namespace Orleans.Fin.Risk;

/// <summary>A resolved case as a training example: what the engine saw when it decided, and what turned out to be true.</summary>
[GenerateSerializer, Immutable, Alias("fin.RiskLabel")]
public sealed record RiskLabel(
    string CaseId,
    string CustomerId,
    CaseOutcome Outcome,
    bool IsFraud,
    DateTimeOffset DecidedAt,
    DateTimeOffset LabelledAt,
    string LabelledBy,
    string Note,
    bool OpenedByEngine,
    RiskSnapshot Snapshot);

[GenerateSerializer, Immutable, Alias("fin.LabelPage")]
public sealed record LabelPage(IReadOnlyList<RiskLabel> Items, long? NextCursor);
