using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk;

/// <summary>One append-only audit record: what was done, to what, by whom, when, why, and with which model.</summary>
[GenerateSerializer, Immutable, Alias("fin.AuditRecord")]
public sealed record AuditRecord(
    AuditAction Action,
    string CustomerId,
    DateTimeOffset At,
    string By,
    string Why,
    string ModelVersion,
    int? Score = null,
    RiskLevel? Level = null,
    string? Decision = null,
    string? AccountId = null,
    string? CaseId = null,
    string? Reference = null);

/// <summary>An audit record as stored: numbered 1, 2, 3… per customer.</summary>
[GenerateSerializer, Immutable, Alias("fin.AuditEntry")]
public sealed record AuditEntry(long Sequence, AuditRecord Record);

[GenerateSerializer, Immutable, Alias("fin.AuditPage")]
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, long? NextCursor);
