namespace Orleans.Fin.Risk.Domain;

/// <summary>Payments that stayed unreported for the label window: how many, how many were allowed (the right call), and the records themselves.</summary>
public sealed record MaturedDecisions(int Labelled, int Correct, IReadOnlyList<DecisionRecord> Records)
{
    public static readonly MaturedDecisions None = new(0, 0, []);
}
