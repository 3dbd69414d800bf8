using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.Common;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.Silo.Hosting;
using Orleans.Fin.Silo.Storage;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Orleans.Fin.ClusterTests.Cost;

/// <summary>
/// A one-silo cluster on the embedded profile that counts its grain calls and state writes, with fraud scoring off,
/// or on with the thresholds out of reach (as the load benchmark runs it). Its grain state is kept in the process as on
/// the embedded node, so state reads and writes are not grain calls and the call counts are the payment's own.
/// </summary>
public sealed class CostCluster : IAsyncDisposable
{
    private CostCluster(InProcessTestCluster cluster, GrainCostMeter meter)
    {
        Cluster = cluster;
        Meter = meter;
    }

    public InProcessTestCluster Cluster { get; }

    public GrainCostMeter Meter { get; }

    public IClusterClient Client => Cluster.Client;

    public static async Task<CostCluster> StartAsync(bool scoring)
    {
        var meter = new GrainCostMeter();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddFinGrainServices();
            host.Services.Configure<RiskControlOptions>(o =>
            {
                o.ScoringEnabled = scoring;
                o.SharedDeviceBoost = 0;
            });
            host.Services.Configure<RiskOptions>(o =>
            {
                o.MediumThreshold = 99;
                o.HighThreshold = 100;
            });
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddFinEmbeddedResources();
            silo.Services.AddKeyedSingleton<IGrainStorage>(
                FinNames.Storage, (sp, _) => new CountingGrainStorage(
                    InProcessStorageExtensions.Create(sp, FinNames.Storage, SiloHostingExtensions.StorageSerializer(), deleteOnClear: true), meter));
            silo.AddFinStreams();
            silo.AddIncomingGrainCallFilter(context =>
            {
                meter.CountCall(context.TargetId.Type.ToString()!, context.InterfaceMethod?.Name ?? "?");
                return context.Invoke();
            });
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(FinNames.StreamProvider));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new CostCluster(cluster, meter);
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
