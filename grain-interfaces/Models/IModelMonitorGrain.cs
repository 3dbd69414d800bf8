namespace Orleans.Fin.Models;

/// <summary>Live score and feature distributions of one model's versions (key: model name), reported by the silos.</summary>
[Alias("fin.IModelMonitorGrain")]
public interface IModelMonitorGrain : IGrainWithStringKey
{
    [Alias("Report")]
    Task Report(IReadOnlyList<ShadowTally> tallies);

    [Alias("Get")]
    Task<IReadOnlyList<ShadowTally>> Get();
}
