namespace Orleans.Fin.Models;

/// <summary>
/// Realised outcomes of disbursed loans for credit retraining and back-tests (one grain, key <see cref="Key"/>): a loan
/// is registered when it is scored and labelled when it becomes NonPerforming (default) or Closed (repaid).
/// </summary>
[Alias("fin.ICreditOutcomeGrain")]
public interface ICreditOutcomeGrain : IGrainWithStringKey
{
    public const string Key = "global";

    [Alias("Scored")]
    Task Scored(string loanId, CreditOutcomeApplication application, double probabilityOfDefault, string modelVersion);

    /// <summary>The loan's status changed; NonPerforming and Closed label it (a default stays a default).</summary>
    [Alias("StatusChanged")]
    Task StatusChanged(string loanId, string status);

    /// <summary>Loans with a realised outcome.</summary>
    [Alias("Realised")]
    Task<IReadOnlyList<CreditOutcomeView>> Realised();
}
