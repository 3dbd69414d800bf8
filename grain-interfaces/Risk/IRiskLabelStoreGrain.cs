namespace Orleans.Fin.Risk;

/// <summary>Training labels from resolved cases, one grain per month of resolution (key "yyyy-MM"), append-only.</summary>
[Alias("fin.IRiskLabelStoreGrain")]
public interface IRiskLabelStoreGrain : IGrainWithStringKey
{
    /// <summary>Adds the label of a case; a second label for the same case is ignored.</summary>
    [Alias("Append")]
    Task Append(RiskLabel label);

    /// <summary>Labels oldest first, from <paramref name="cursor"/> on.</summary>
    [Alias("List")]
    Task<LabelPage> List(long? cursor, int limit);
}
