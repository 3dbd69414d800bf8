namespace Orleans.Fin.WealthBench;

public sealed class ProbeGrain : Grain, IProbeGrain
{
    public Task Ping() => Task.CompletedTask;
}
