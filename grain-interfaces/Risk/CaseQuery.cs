using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk;

/// <summary>
/// Which cases a list shows and in which order. Null filters match everything. <paramref name="TriggerContains"/>
/// matches part of the trigger, ignoring case; <paramref name="Assignee"/> is one subject exactly;
/// <paramref name="Assigned"/> false keeps only the cases nobody has taken, true only those somebody has.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.CaseQuery")]
public sealed record CaseQuery(
    CaseStatus? Status = null,
    RiskLevel? Severity = null,
    string? TriggerContains = null,
    string? Assignee = null,
    bool? Assigned = null,
    CaseQueueOrder Order = CaseQueueOrder.Newest);
