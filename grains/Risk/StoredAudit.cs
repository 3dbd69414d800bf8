using System.Text;
using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk;

/// <summary>
/// Persisted form of one audit record with its sequence number. A value kept inline in the list that holds it (the risk
/// state's unsealed records, a sealed segment), with its text as UTF-8 and its time as ticks and an offset: about 190
/// bytes a record where an object with a string text took about 280. The stored JSON is the same as the object's was.
/// </summary>
public readonly record struct StoredAudit
{
    private readonly long _ticks;
    private readonly short _offsetMinutes;
    private readonly byte[] _why;

    public long Sequence { get; init; }
    public AuditAction Action { get; init; }
    public string CustomerId { get; init; }

    public DateTimeOffset At
    {
        get => new(_ticks, TimeSpan.FromMinutes(_offsetMinutes));
        init
        {
            _ticks = value.Ticks;
            _offsetMinutes = (short)value.Offset.TotalMinutes;
        }
    }

    public string By { get; init; }

    /// <summary>The record's text (held as UTF-8; each read decodes it).</summary>
    public string Why
    {
        get => _why is null ? "" : Encoding.UTF8.GetString(_why);
        init => _why = Encoding.UTF8.GetBytes(value ?? "");
    }

    public string ModelVersion { get; init; }
    public int? Score { get; init; }
    public RiskLevel? Level { get; init; }
    public string? Decision { get; init; }
    public string? AccountId { get; init; }
    public string? CaseId { get; init; }
    public string? Reference { get; init; }

    public static StoredAudit From(long sequence, AuditRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new()
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
    }

    /// <summary>
    /// This record with the customer, author, model version and account of <paramref name="previous"/> where they are the
    /// same text: records appended one by one share them, as records read back from storage do.
    /// </summary>
    public StoredAudit SharingWith(StoredAudit previous) => this with
    {
        CustomerId = Same(CustomerId, previous.CustomerId)!,
        By = Same(By, previous.By)!,
        ModelVersion = Same(ModelVersion, previous.ModelVersion)!,
        AccountId = Same(AccountId, previous.AccountId),
    };

    public AuditEntry ToEntry() => new(
        Sequence, new AuditRecord(Action, CustomerId ?? "", At, By ?? "", Why, ModelVersion ?? "", Score, Level, Decision, AccountId, CaseId, Reference));

    private static string? Same(string? value, string? held) => string.Equals(value, held, StringComparison.Ordinal) ? held : value;
}
