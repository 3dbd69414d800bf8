using Microsoft.Extensions.Hosting;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.WealthBench;

/// <summary>
/// One silo on the embedded profile in this process (<see cref="EmbeddedBenchSilo"/>), with fraud scoring off and the
/// rebalancing ticks counted. The benchmark calls it through its own IGrainFactory.
/// </summary>
public static class BenchSilo
{
    public static IHost Build(TickTimer ticks) =>
        EmbeddedBenchSilo.Build(
            new Dictionary<string, string?>
            {
                // The sweep never consults the risk engine; scoring off keeps the setup's deposits and subscriptions cheap.
                ["RiskControl:ScoringEnabled"] = "false",
            },
            silo => silo.AddOutgoingGrainCallFilter(ticks));
}
