using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// Persisted form of one audit record with its sequence number. A value kept inline in the list that holds it (the risk
/// state's unsealed records, a sealed segment): its text as UTF-8 with the reference left out of it (<see cref="AuditText"/>),
/// the reference held compact (<see cref="CompactId"/>, so a payment decision's movement id is no string at all), its
/// time as ticks and an offset, and its action, level and score packed. The stored JSON is the same as the object's was.
/// </summary>
public readonly record struct StoredAudit
{
    private const byte HasScore = 0x80;

    private readonly long _ticks;
    private readonly int _score;
    private readonly short _offsetMinutes;
    private readonly byte _action;

    // Bit 7: a score is set; the low bits: the level + 1, 0 when there is none.
    private readonly byte _levelAndScore;
    private readonly byte[]? _why;
    private readonly CompactId _reference;

    public long Sequence { get; init; }

    public AuditAction Action { get => (AuditAction)_action; init => _action = checked((byte)value); }

    public string CustomerId { get; init; }

    public DateTimeOffset At { get => TimeParts.Join(_ticks, _offsetMinutes); init => (_ticks, _offsetMinutes) = TimeParts.Split(value); }

    public string By { get; init; }

    /// <summary>The record's text (held as UTF-8 without its reference; each read decodes it).</summary>
    public string Why
    {
        get => AuditText.Decode(_why, _reference.Text);
        init => _why = AuditText.Encode(value ?? "", _reference.Text);
    }

    public string ModelVersion { get; init; }

    public int? Score
    {
        get => (_levelAndScore & HasScore) != 0 ? _score : null;
        init
        {
            _score = value ?? 0;
            _levelAndScore = (byte)((_levelAndScore & ~HasScore) | (value is null ? 0 : HasScore));
        }
    }

    public RiskLevel? Level
    {
        get => (_levelAndScore & ~HasScore) is var code and > 0 ? (RiskLevel)(code - 1) : null;
        init => _levelAndScore = (byte)((_levelAndScore & HasScore) | LevelCode(value));
    }

    public string? Decision { get; init; }
    public string? AccountId { get; init; }
    public string? CaseId { get; init; }

    /// <summary>What the record is about (a movement id, an event id); a platform id is held as its bits.</summary>
    public string? Reference
    {
        get => _reference.Text;
        init
        {
            // The text leaves out the reference it holds: re-encode it against the new one.
            var why = Why;
            _reference = CompactId.Of(value);
            _why = AuditText.Encode(why, value);
        }
    }

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
            Reference = r.Reference,
            Why = r.Why,
            ModelVersion = r.ModelVersion,
            Score = r.Score,
            Level = r.Level,
            Decision = r.Decision,
            AccountId = r.AccountId,
            CaseId = r.CaseId,
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

    private static int LevelCode(RiskLevel? level) => level switch
    {
        null => 0,
        { } known when (int)known is >= 0 and < HasScore - 1 => (int)known + 1,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a risk level an audit record can hold."),
    };

    private static string? Same(string? value, string? held) => string.Equals(value, held, StringComparison.Ordinal) ? held : value;
}
