namespace Orleans.Fin.Models;

/// <summary>
/// Realised outcomes of loans for credit retraining and back-tests (one grain, key <see cref="Key"/>): a loan hands in
/// the application it was scored on when it becomes NonPerforming (default) or Closed (repaid).
/// </summary>
[Alias("fin.ICreditOutcomeGrain")]
public interface ICreditOutcomeGrain : IGrainWithStringKey
{
    public const string Key = "global";

    /// <summary>A loan's realised outcome, with the application it was scored on (a default stays a default).</summary>
    [Alias("Record")]
    Task Record(CreditOutcomeView outcome);

    /// <summary>
    /// The status of a loan registered here when it was scored (before loans kept their application) changed;
    /// NonPerforming and Closed label it (a default stays a default).
    /// </summary>
    [Alias("StatusChanged")]
    Task StatusChanged(string loanId, string status);

    /// <summary>Loans with a realised outcome.</summary>
    [Alias("Realised")]
    Task<IReadOnlyList<CreditOutcomeView>> Realised();
}
