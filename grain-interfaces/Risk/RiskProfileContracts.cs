using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk;

/// <summary>One thing the risk engine noticed about a customer (a rule that fired, a ring indicator, a challenge).</summary>
[GenerateSerializer, Immutable, Alias("fin.RiskSignalView")]
public sealed record RiskSignalView(DateTimeOffset At, string Source, string Description, int Score, RiskLevel Level);

/// <summary>A customer's risk as risk officers see it. <paramref name="ObservedEvents"/> counts the activity events the engine has taken in.</summary>
[GenerateSerializer, Immutable, Alias("fin.RiskProfileView")]
public sealed record RiskProfileView(
    string CustomerId,
    RiskLevel RiskLevel,
    int Score,
    IReadOnlyList<string> Flags,
    bool Watchlisted,
    IReadOnlyList<RiskSignalView> RecentSignals,
    string? OpenCaseId,
    DateTimeOffset? StepUpUntil,
    string ModelVersion,
    long ObservedEvents = 0);

/// <summary>A fraud-ring indicator raised on a customer by the device index or a payee watch.</summary>
[GenerateSerializer, Immutable, Alias("fin.RingSignal")]
public sealed record RingSignal(RingSignalKind Kind, string SourceId, string Description, DateTimeOffset At);
