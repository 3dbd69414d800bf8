using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk;

/// <summary>Persisted state of an investigation case.</summary>
public sealed class RiskCaseState
{
    public int SchemaVersion { get; set; } = 1;
    public bool Exists { get; set; }
    public string CustomerId { get; set; } = "";

    /// <summary>The accounts this case froze (a false positive unfreezes exactly these, if still frozen by this case).</summary>
    public List<string> FrozenAccountIds { get; set; } = [];

    public RiskLevel Severity { get; set; }
    public string Trigger { get; set; } = "";
    public DateTimeOffset TriggerAt { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public string OpenedBy { get; set; } = "";
    public bool OpenedByEngine { get; set; }
    public CaseStatus Status { get; set; }
    public CaseOutcome? Outcome { get; set; }
    public string? Assignee { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Note { get; set; }
    public StoredSnapshot Snapshot { get; set; } = new();
}
