namespace Orleans.Fin.Payments;

/// <summary>The rate table for cross-border payments: CNY per one unit of each currency (mid rates).</summary>
public sealed class FxOptions
{
    public const string Section = "Fx";

    public Dictionary<string, decimal> CnyPerUnit { get; set; } = new(StringComparer.Ordinal)
    {
        ["CNY"] = 1m,
        ["USD"] = 7.1050m,
        ["EUR"] = 7.7320m,
        ["HKD"] = 0.9128m,
    };
}
