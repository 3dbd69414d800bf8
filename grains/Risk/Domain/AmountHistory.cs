namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// Running mean and variance of ln(CNY amount) of completed outgoing payments, exponentially weighted once more than
/// <see cref="BehaviourLimits.AmountMemory"/> payments were seen. Keeps the values from before the last update so that
/// the payment just observed can be scored against the history it was not yet part of.
/// </summary>
public sealed class AmountHistory
{
    public long Count { get; set; }
    public double MeanLog { get; set; }
    public double VarianceLog { get; set; }
    public decimal MaxCny { get; set; }

    /// <summary>The payment of the last update (whose "before" values are the Previous ones), by digest.</summary>
    public EventKey LastEvent { get; set; }

    /// <summary>Sets <see cref="LastEvent"/> from an id, as stored before the digests; reads (and is written) empty.</summary>
    public string LastEventId { get => ""; set => LastEvent = EventKey.OfStoredId(value, LastEvent); }

    public long PreviousCount { get; set; }
    public double PreviousMeanLog { get; set; }
    public double PreviousVarianceLog { get; set; }
    public decimal PreviousMaxCny { get; set; }
}
