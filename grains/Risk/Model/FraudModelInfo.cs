namespace Orleans.Fin.Risk.Model;

/// <summary>What ships beside a saved model: its version, the feature columns it expects, how it was made and how it measured.</summary>
public sealed record FraudModelInfo
{
    public string Version { get; init; } = "";
    public IReadOnlyList<string> FeatureColumns { get; init; } = [];
    public int SimulatedCustomers { get; init; }
    public int SimulatedDays { get; init; }
    public double FraudCustomerShare { get; init; }
    public string Command { get; init; } = "";
    public FraudModelMetrics Metrics { get; init; } = new();
}
