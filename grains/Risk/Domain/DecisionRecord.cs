namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// A payment the engine decided, kept until it is labelled: by a case opened on the customer (it is then part of that
/// case's episode) or by staying unreported for the label window (a negative).
/// </summary>
public sealed class DecisionRecord
{
    private CompactFeatures? _features;

    public string MovementId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public decimal AmountCny { get; set; }

    /// <summary>The money did not leave (declined, held, or a one-time code that was never answered).</summary>
    public bool Stopped { get; set; }

    /// <summary>The rules-only baseline, scored in shadow, would have stopped it too.</summary>
    public bool BaselineStopped { get; set; }

    /// <summary>The case this payment belongs to, once one was opened on the customer; null while unreported.</summary>
    public string? CaseId { get; set; }

    /// <summary>
    /// The model's features at decision time, kept only for payments sampled as training negatives. Stored as this
    /// dictionary; held as <see cref="CompactFeatures"/> (each read builds a new dictionary).
    /// </summary>
    public Dictionary<string, double>? Features
    {
        get => _features?.ToDictionary();
        set => _features = CompactFeatures.From(value);
    }

    /// <summary>The features as held (null when not sampled), without building a dictionary.</summary>
    internal CompactFeatures? Compact => _features;

    /// <summary>Takes <paramref name="other"/>'s features when this record has none.</summary>
    internal void KeepFeaturesOf(DecisionRecord other) => _features ??= other._features;
}
