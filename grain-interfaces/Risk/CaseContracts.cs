using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk;

/// <summary>What the engine (or an officer) saw when it decided: kept with the case and, once resolved, as a training label.</summary>
[GenerateSerializer, Immutable, Alias("fin.RiskSnapshot")]
public sealed record RiskSnapshot(
    int Score,
    RiskLevel Level,
    IReadOnlyList<string> Reasons,
    float? ModelProbability,
    string ModelVersion,
    IReadOnlyDictionary<string, double> Features);

/// <summary>Opens an investigation case. <paramref name="FrozenAccountIds"/> are the accounts this case froze.</summary>
[GenerateSerializer, Immutable, Alias("fin.CaseOpening")]
public sealed record CaseOpening(
    string CustomerId,
    IReadOnlyList<string> FrozenAccountIds,
    RiskLevel Severity,
    string Trigger,
    DateTimeOffset TriggerAt,
    string OpenedBy,
    bool OpenedByEngine,
    RiskSnapshot Snapshot);

[GenerateSerializer, Immutable, Alias("fin.CaseResolution")]
public sealed record CaseResolution(CaseOutcome Outcome, string Note, string By);

[GenerateSerializer, Immutable, Alias("fin.CaseView")]
public sealed record CaseView(
    string Id,
    string CustomerId,
    IReadOnlyList<string> AccountIds,
    RiskLevel Severity,
    DateTimeOffset OpenedAt,
    string Trigger,
    CaseStatus Status,
    CaseOutcome? Outcome,
    string OpenedBy,
    string? Assignee,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    string? Note,
    RiskSnapshot Snapshot);

/// <summary>A case as listed: what the index keeps of it.</summary>
[GenerateSerializer, Immutable, Alias("fin.CaseSummary")]
public sealed record CaseSummary(
    string Id,
    string CustomerId,
    IReadOnlyList<string> AccountIds,
    RiskLevel Severity,
    DateTimeOffset OpenedAt,
    string Trigger,
    CaseStatus Status,
    CaseOutcome? Outcome,
    string? Assignee,
    DateTimeOffset? ResolvedAt);

[GenerateSerializer, Immutable, Alias("fin.CasePage")]
public sealed record CasePage(IReadOnlyList<CaseSummary> Items, long? NextCursor);
