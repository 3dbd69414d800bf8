using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// Persisted form of one audit record with its sequence number. A value kept inline in the list that holds it (the risk
/// state's unsealed records, a sealed segment), 64 bytes besides its text: the customer, author, model version, account,
/// decision and case as one <see cref="AuditContext"/> shared with the records around it, the text as UTF-8 with the
/// reference and stock phrases as single bytes (<see cref="AuditText"/>), the reference held compact (<see cref="CompactId"/>, so a payment
/// decision's movement id is no string at all), the time as ticks and an offset, and the action, level and score packed.
/// The stored JSON is the same as the object's was.
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
    private readonly AuditContext? _context;
    private readonly CompactId _reference;

    public long Sequence { get; init; }

    public AuditAction Action { get => (AuditAction)_action; init => _action = checked((byte)value); }

    public string CustomerId { get => Context.CustomerId; init => _context = Context with { CustomerId = value }; }

    public DateTimeOffset At { get => TimeParts.Join(_ticks, _offsetMinutes); init => (_ticks, _offsetMinutes) = TimeParts.Split(value); }

    public string By { get => Context.By; init => _context = Context with { By = value }; }

    /// <summary>The record's text (held encoded by <see cref="AuditText"/> against the reference; each read decodes it).</summary>
    public string Why
    {
        get => AuditText.Decode(_why, _reference.Text);
        init => _why = AuditText.Encode(value ?? "", _reference.Text);
    }

    public string ModelVersion { get => Context.ModelVersion; init => _context = Context with { ModelVersion = value }; }

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

    public string? Decision { get => Context.Decision; init => _context = Context with { Decision = value }; }

    public string? AccountId { get => Context.AccountId; init => _context = Context with { AccountId = value }; }

    public string? CaseId { get => Context.CaseId; init => _context = Context with { CaseId = value }; }

    /// <summary>What the record is about (a movement id, an event id); a platform id is held as its bits.</summary>
    public string? Reference
    {
        get => _reference.Text;
        init
        {
            // The text leaves out the reference it holds: re-encode it against the new one (a record being built has none yet).
            var why = _why is null ? null : Why;
            _reference = CompactId.Of(value);
            if (why is not null)
            {
                _why = AuditText.Encode(why, value);
            }
        }
    }

    /// <summary>The customer, author, model version, account, decision and case, as held (possibly shared).</summary>
    internal AuditContext Context { get => _context ?? AuditContext.None; init => _context = value; }

    public static StoredAudit From(long sequence, AuditRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new()
        {
            Sequence = sequence,
            Action = r.Action,
            Context = new AuditContext(r.CustomerId, r.By, r.ModelVersion, r.AccountId, r.Decision, r.CaseId),
            At = r.At,
            Reference = r.Reference,
            Why = r.Why,
            Score = r.Score,
            Level = r.Level,
        };
    }

    /// <summary>
    /// Lets the records of a list share their contexts: each takes an equal one held by an earlier record (records read
    /// from storage come with a context each). Returns the same list.
    /// </summary>
    public static List<StoredAudit> Share(List<StoredAudit> records) =>
        SharedParts.Share(records, r => r.Context, (r, context) => r with { Context = context });

    /// <summary>
    /// This record with the context of <paramref name="previous"/> when it is the same, or with the texts they have in
    /// common: records appended one by one share them, as records read back from storage do.
    /// </summary>
    public StoredAudit SharingWith(StoredAudit previous) => this with { Context = Context.SharingWith(previous.Context) };

    public AuditEntry ToEntry() => new(
        Sequence, new AuditRecord(Action, CustomerId ?? "", At, By ?? "", Why, ModelVersion ?? "", Score, Level, Decision, AccountId, CaseId, Reference));

    private static int LevelCode(RiskLevel? level) => level switch
    {
        null => 0,
        { } known when (int)known is >= 0 and < HasScore - 1 => (int)known + 1,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a risk level an audit record can hold."),
    };
}
