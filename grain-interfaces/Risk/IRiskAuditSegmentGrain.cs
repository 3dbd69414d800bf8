namespace Orleans.Fin.Risk;

/// <summary>A sealed run of a customer's older audit records, keyed "{customerId}/{n}"; written once, then only read.</summary>
[Alias("fin.IRiskAuditSegmentGrain")]
public interface IRiskAuditSegmentGrain : IGrainWithStringKey
{
    [Alias("Store")]
    Task Store(IReadOnlyList<AuditEntry> entries);

    [Alias("Get")]
    Task<IReadOnlyList<AuditEntry>> Get();
}
