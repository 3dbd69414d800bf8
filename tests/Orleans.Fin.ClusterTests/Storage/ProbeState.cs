namespace Orleans.Fin.ClusterTests.Storage;

/// <summary>A small grain state with a nested list, for driving a grain storage directly.</summary>
public sealed class ProbeState
{
    public int Count { get; set; }

    public decimal Amount { get; set; }

    public List<string> Notes { get; set; } = [];
}
