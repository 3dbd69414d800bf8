namespace Orleans.Fin.Risk.Model;

/// <summary>One training row: a payment's features, whether it was fraud, and whose it was (to split by customer).</summary>
public sealed class LabelledFraudFeatures : FraudFeatures
{
    public bool Label { get; set; }

    public string CustomerId { get; set; } = "";

    /// <summary>The simulated pattern (empty for ordinary payments); for reports, not for the model.</summary>
    public string Pattern { get; set; } = "";
}
