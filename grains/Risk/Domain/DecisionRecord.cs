using Orleans.Fin.Common;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// A payment the engine decided, kept until it is labelled: by a case opened on the customer (it is then part of that
/// case's episode) or by staying unreported for the label window (a negative). A value kept inline in the list of
/// decisions (no object), its movement id held compact (<see cref="CompactId"/>) and its time as ticks and an offset:
/// 72 bytes where an object with its id string took about 170. The stored JSON is the same as the object's was.
/// </summary>
public readonly record struct DecisionRecord
{
    private readonly long _ticks;
    private readonly short _offsetMinutes;

    /// <summary>The movement decided, as held; two records are of one movement exactly when these are equal.</summary>
    internal CompactId Movement { get; init; }

    public string MovementId { get => Movement.Text ?? ""; init => Movement = CompactId.Of(value ?? ""); }

    public DateTimeOffset At { get => TimeParts.Join(_ticks, _offsetMinutes); init => (_ticks, _offsetMinutes) = TimeParts.Split(value); }

    /// <summary><see cref="At"/>'s instant as UTC ticks, read without building the <see cref="DateTimeOffset"/>.</summary>
    internal long UtcTicks => TimeParts.UtcTicks(_ticks, _offsetMinutes);

    public decimal AmountCny { get; init; }

    /// <summary>The money did not leave (declined, held, or a one-time code that was never answered).</summary>
    public bool Stopped { get; init; }

    /// <summary>The rules-only baseline, scored in shadow, would have stopped it too.</summary>
    public bool BaselineStopped { get; init; }

    /// <summary>The case this payment belongs to, once one was opened on the customer; null while unreported.</summary>
    public string? CaseId { get; init; }

    /// <summary>
    /// The model's features at decision time, kept only for payments sampled as training negatives. Stored as this
    /// dictionary; held as <see cref="CompactFeatures"/> (each read builds a new dictionary).
    /// </summary>
    public Dictionary<string, double>? Features
    {
        get => Compact?.ToDictionary();
        init => Compact = CompactFeatures.From(value);
    }

    /// <summary>The features as held (null when not sampled), without building a dictionary.</summary>
    internal CompactFeatures? Compact { get; init; }
}
