namespace Orleans.Fin.PostgresTests.Storage;

/// <summary>A small grain state for driving the storage providers directly.</summary>
public sealed class ProbeState
{
    public int Count { get; set; }

    public decimal Amount { get; set; }

    public string Note { get; set; } = "";
}
