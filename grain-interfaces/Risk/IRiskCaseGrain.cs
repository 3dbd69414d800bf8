namespace Orleans.Fin.Risk;

/// <summary>One investigation case, keyed by case id ("case_…"). Resolving it labels what the engine saw for retraining.</summary>
[Alias("fin.IRiskCaseGrain")]
public interface IRiskCaseGrain : IGrainWithStringKey
{
    /// <summary>Opens the case; idempotent.</summary>
    [Alias("Open")]
    Task<CaseView> Open(CaseOpening opening);

    /// <summary>The case, or null when there is none with this id.</summary>
    [Alias("Get")]
    Task<CaseView?> Get();

    [Alias("Assign")]
    Task<CaseView> Assign(string assignee, string by);

    /// <summary>Closes the case with an outcome; a false positive unfreezes the accounts this case froze. Resolving twice is a conflict.</summary>
    [Alias("Resolve")]
    Task<CaseView> Resolve(CaseResolution resolution);
}
