using Orleans.Fin.Customers;
using Orleans.Fin.Loans;
using Orleans.Fin.Risk;

namespace Orleans.Fin.Api.Contracts;

public sealed record ResolveCaseRequest(string? Outcome, string? Note);

public sealed record AssignCaseRequest(string? Assignee);

/// <summary>A risk officer refers a customer for investigation; <paramref name="Freeze"/> (default true) freezes every account.</summary>
public sealed record OpenCaseRequest(string? CustomerId, string? Reason, bool? Freeze);

public sealed record RiskProfileResponse(
    string CustomerId,
    RiskLevel RiskLevel,
    int Score,
    IReadOnlyList<string> Flags,
    bool Watchlisted,
    IReadOnlyList<RiskSignalView> RecentSignals,
    string? OpenCaseId,
    DateTimeOffset? StepUpUntil,
    string ModelVersion,
    long ObservedEvents)
{
    public static RiskProfileResponse From(RiskProfileView v) =>
        new(v.CustomerId, v.RiskLevel, v.Score, v.Flags, v.Watchlisted, v.RecentSignals, v.OpenCaseId, v.StepUpUntil, v.ModelVersion, v.ObservedEvents);
}

public sealed record CaseSummaryResponse(
    string Id,
    string CustomerId,
    IReadOnlyList<string> AccountIds,
    RiskLevel Severity,
    DateTimeOffset OpenedAt,
    string Trigger,
    CaseStatus Status,
    CaseOutcome? Outcome,
    string? Assignee,
    DateTimeOffset? ResolvedAt)
{
    public static CaseSummaryResponse From(CaseSummary c) =>
        new(c.Id, c.CustomerId, c.AccountIds, c.Severity, c.OpenedAt, c.Trigger, c.Status, c.Outcome, c.Assignee, c.ResolvedAt);
}

/// <summary>A case with what the engine saw when it opened it (score, level, reasons, model version, features).</summary>
public sealed record CaseResponse(
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
    RiskSnapshot Evidence)
{
    public static CaseResponse From(CaseView c) => new(
        c.Id, c.CustomerId, c.AccountIds, c.Severity, c.OpenedAt, c.Trigger, c.Status, c.Outcome, c.OpenedBy, c.Assignee, c.ResolvedAt,
        c.ResolvedBy, c.Note, c.Snapshot);
}

public sealed record AuditResponse(
    long Sequence,
    AuditAction Action,
    string CustomerId,
    DateTimeOffset At,
    string By,
    string Why,
    string ModelVersion,
    int? Score,
    RiskLevel? Level,
    string? Decision,
    string? AccountId,
    string? CaseId,
    string? Reference)
{
    public static AuditResponse From(AuditEntry e) => new(
        e.Sequence, e.Record.Action, e.Record.CustomerId, e.Record.At, e.Record.By, e.Record.Why, e.Record.ModelVersion, e.Record.Score,
        e.Record.Level, e.Record.Decision, e.Record.AccountId, e.Record.CaseId, e.Record.Reference);
}

/// <summary>
/// The plan's indicators (fractions; null until there is something to divide by). Formulas and windows: docs/MODELS.md,
/// "KPIs". <c>overdueRate</c> and <c>nplRatio</c> are by outstanding balance, the ...ByCount ones by number of loans.
/// </summary>
public sealed record KpiResponse(
    double? RiskIdentificationAccuracy,
    double? FraudInterceptionRate,
    double? FraudInterceptionUplift,
    double? FalsePositiveRate,
    double? MedianTimeToFreezeMs,
    double? P99TimeToFreezeMs,
    FreezeTimes TimeToFreezeMs,
    double? ModelUsageRate,
    double? DataQualityRate,
    double? AutoDecisionRate,
    double? ApprovalRate,
    double? OverdueRate,
    double? NplRatio,
    double? OverdueRateByCount,
    double? NplRatioByCount,
    RiskKpiCounts Counts,
    LoanPortfolioView Loans)
{
    public static KpiResponse From(RiskKpis k, LoanPortfolioView loans) => new(
        k.RiskIdentificationAccuracy, k.FraudInterceptionRate, k.FraudInterceptionUplift, k.FalsePositiveRate, k.MedianTimeToFreezeMs,
        k.P99TimeToFreezeMs, k.TimeToFreezeMs ?? new FreezeTimes(k.MedianTimeToFreezeMs, k.P99TimeToFreezeMs, k.Counts.FreezeTimingSamples),
        k.ModelUsageRate, k.DataQualityRate, loans.AutoDecisionRate, loans.ApprovalRate, k.OverdueRate, k.NplRatio, k.OverdueRateByCount,
        k.NplRatioByCount, k.Counts, loans);
}

/// <summary>Development only: the latest one-time code sent to a customer.</summary>
public sealed record OtpResponse(string CustomerId, string Code, string Reference, string SentTo, DateTimeOffset SentAt, DateTimeOffset? ExpiresAt);
