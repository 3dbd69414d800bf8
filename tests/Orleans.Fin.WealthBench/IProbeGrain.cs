namespace Orleans.Fin.WealthBench;

/// <summary>The lightest grain there is: no state, one method. Its activations are the memory baseline.</summary>
[Alias("fin.bench.IProbeGrain")]
public interface IProbeGrain : IGrainWithStringKey
{
    [Alias("Ping")]
    Task Ping();
}
