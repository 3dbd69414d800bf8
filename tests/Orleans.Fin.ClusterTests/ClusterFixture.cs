using Orleans.Fin.Common;
using Orleans.Fin.Silo.Hosting;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Orleans.Fin.ClusterTests;

/// <summary>Two in-process silos and a client, configured like the embedded profile, shared by every cluster test.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) => host.Services.AddFinGrainServices());
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddFinEmbeddedResources();
            silo.AddMemoryStreams(FinNames.StreamProvider);
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(FinNames.StreamProvider));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
