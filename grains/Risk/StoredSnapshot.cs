using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk;

/// <summary>Persisted form of a <see cref="RiskSnapshot"/> (state types are never the wire types).</summary>
public sealed class StoredSnapshot
{
    public int Score { get; set; }
    public RiskLevel Level { get; set; }
    public List<string> Reasons { get; set; } = [];
    public float? ModelProbability { get; set; }
    public string ModelVersion { get; set; } = "";
    public Dictionary<string, double> Features { get; set; } = new(StringComparer.Ordinal);

    public static StoredSnapshot From(RiskSnapshot s) => new()
    {
        Score = s.Score,
        Level = s.Level,
        Reasons = [.. s.Reasons],
        ModelProbability = s.ModelProbability,
        ModelVersion = s.ModelVersion,
        Features = new Dictionary<string, double>(s.Features, StringComparer.Ordinal),
    };

    public RiskSnapshot ToView() => new(Score, Level, [.. Reasons], ModelProbability, ModelVersion, new Dictionary<string, double>(Features, StringComparer.Ordinal));
}

/// <summary>Persisted form of one audit record with its sequence number.</summary>
public sealed class StoredAudit
{
    public long Sequence { get; set; }
    public AuditAction Action { get; set; }
    public string CustomerId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
    public string Why { get; set; } = "";
    public string ModelVersion { get; set; } = "";
    public int? Score { get; set; }
    public RiskLevel? Level { get; set; }
    public string? Decision { get; set; }
    public string? AccountId { get; set; }
    public string? CaseId { get; set; }
    public string? Reference { get; set; }

    public static StoredAudit From(long sequence, AuditRecord r) => new()
    {
        Sequence = sequence,
        Action = r.Action,
        CustomerId = r.CustomerId,
        At = r.At,
        By = r.By,
        Why = r.Why,
        ModelVersion = r.ModelVersion,
        Score = r.Score,
        Level = r.Level,
        Decision = r.Decision,
        AccountId = r.AccountId,
        CaseId = r.CaseId,
        Reference = r.Reference,
    };

    public AuditEntry ToEntry() => new(
        Sequence, new AuditRecord(Action, CustomerId, At, By, Why, ModelVersion, Score, Level, Decision, AccountId, CaseId, Reference));
}
