using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk;

[GenerateSerializer, Immutable, Alias("fin.AlertDraft")]
public sealed record AlertDraft(AlertKind Kind, string CustomerId, RiskLevel Severity, string Message, IReadOnlyList<string> Reasons, string? CaseId, DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("fin.AlertView")]
public sealed record AlertView(
    string Id,
    AlertKind Kind,
    string CustomerId,
    RiskLevel Severity,
    string Message,
    IReadOnlyList<string> Reasons,
    string? CaseId,
    DateTimeOffset RaisedAt);

[GenerateSerializer, Immutable, Alias("fin.AlertPage")]
public sealed record AlertPage(IReadOnlyList<AlertView> Items, long? NextCursor);
