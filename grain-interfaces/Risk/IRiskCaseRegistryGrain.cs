namespace Orleans.Fin.Risk;

/// <summary>The index of cases for listing (key <see cref="RiskGrainKeys.Global"/>): bounded, newest first, paged by cursor.</summary>
[Alias("fin.IRiskCaseRegistryGrain")]
public interface IRiskCaseRegistryGrain : IGrainWithStringKey
{
    /// <summary>Adds the case or replaces its listed copy.</summary>
    [Alias("Upsert")]
    Task Upsert(CaseSummary summary);

    /// <summary>Cases newest first, optionally of one status, starting below <paramref name="cursor"/>.</summary>
    [Alias("List")]
    Task<CasePage> List(CaseStatus? status, long? cursor, int limit);

    /// <summary>
    /// One page of the cases <paramref name="query"/> selects, in its order, after <paramref name="cursor"/> (the
    /// <see cref="CasePage.NextCursor"/> of the page before, with the same query).
    /// </summary>
    [Alias("Query")]
    Task<CasePage> Query(CaseQuery query, long? cursor, int limit);
}
