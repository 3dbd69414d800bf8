namespace Orleans.Fin.Risk;

/// <summary>
/// A customer's older audit records 64n+1…64n+64, keyed "{customerId}/{n}": appended in runs, in order; records it already
/// holds are kept as they are, and a run that would leave a gap is refused.
/// </summary>
[Alias("fin.IRiskAuditSegmentGrain")]
public interface IRiskAuditSegmentGrain : IGrainWithStringKey
{
    [Alias("Store")]
    Task Store(IReadOnlyList<AuditEntry> entries);

    [Alias("Get")]
    Task<IReadOnlyList<AuditEntry>> Get();
}
