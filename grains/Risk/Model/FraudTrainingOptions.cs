namespace Orleans.Fin.Risk.Model;

/// <summary>Which learner and how big. Defaults train in about a second on one core.</summary>
public sealed class FraudTrainingOptions
{
    public const string FastTree = "FastTree";
    public const string FastForest = "FastForest";

    public int Seed { get; set; } = 42;
    public string Algorithm { get; set; } = FastTree;
    public int Trees { get; set; } = 100;
    public int Leaves { get; set; } = 16;
    public int MinExamplesPerLeaf { get; set; } = 40;
    public double LearningRate { get; set; } = 0.1;

    /// <summary>One thread keeps training reproducible bit for bit and leaves the other cores to the silo.</summary>
    public int Threads { get; set; } = 1;
}
