namespace Orleans.Fin.Credit.Model;

/// <summary>How the credit models are trained and validated.</summary>
public sealed record CreditTrainingOptions
{
    /// <summary>Folds of the stratified cross-validation.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed of the fold assignment and of the learners; the same seed gives the same models.</summary>
    public int Seed { get; init; } = 20240;

    /// <summary>Training refuses data with a smaller share of valid records after cleaning.</summary>
    public double MinimumValidShare { get; init; } = 0.95;

    /// <summary>The PD cut-off at which accuracy is reported (the decision policy's approval cut-off).</summary>
    public double Cutoff { get; init; } = CreditOptions.DefaultApproveMaxPd;

    /// <summary>Whether to train and validate the FastTree challenger as well.</summary>
    public bool TrainChallenger { get; init; } = true;
}
