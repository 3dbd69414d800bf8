using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Fin.Clock;
using Orleans.Fin.ClusterTests.Risk;
using Orleans.Fin.Common;
using Orleans.Fin.Models;
using Orleans.Fin.Notifications;
using Orleans.Fin.Risk;
using Orleans.Fin.Silo.Hosting;
using Orleans.Fin.Wealth;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Orleans.Fin.ClusterTests;

/// <summary>
/// Two in-process silos and a client, configured like the embedded profile but with grain state in the memory provider
/// (which several silos share), shared by every cluster test.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>One-time codes expire this soon in the test cluster, so that expiry can be tested.</summary>
    public static readonly TimeSpan OtpLifetime = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Portfolios rebalance on a reminder this often in the test cluster (a day in production), in as many one-second
    /// slots, so that a reminder-driven rebalance can be observed; the silos accept reminders of a second.
    /// </summary>
    public static readonly TimeSpan RebalancePeriod = TimeSpan.FromSeconds(3);

    /// <summary>Silos follow the model registry this often in the test cluster (5 s in production).</summary>
    public static readonly TimeSpan ModelPollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Loans and portfolios retry a movement left pending this often in the test cluster (a minute in production).</summary>
    public static readonly TimeSpan PendingRetryPeriod = TimeSpan.FromSeconds(1);

    /// <summary>How far the silos' clock is from real time (<see cref="DaytimeClock"/>).</summary>
    public static readonly TimeSpan ClockShift = DaytimeClock.ShiftFor(DateTimeOffset.UtcNow);

    /// <summary>Business time in the test cluster: what the grains read as now.</summary>
    public static DateTimeOffset Now => DateTimeOffset.UtcNow + ClockShift;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddFinGrainServices();
            host.Services.Configure<RiskControlOptions>(o => o.OtpLifetime = OtpLifetime);
            host.Services.Configure<NotificationOptions>(o => o.DevelopmentInbox = true); // codes readable by the scenarios, as in Development
            host.Services.Configure<WealthOptions>(o =>
            {
                o.RebalancePeriod = RebalancePeriod;
                o.RebalanceSlots = (int)(RebalancePeriod / WealthOptions.MinimumRebalancePeriod);
            });
            host.Services.Configure<ModelLifecycleOptions>(o =>
            {
                o.PollInterval = ModelPollInterval;
                o.FraudRetrainCustomers = 300;
                o.FraudRetrainTrees = 40;
                o.CreditRetrainFolds = 2;
            });
            host.Services.Configure<PendingMovementOptions>(o => o.RetryPeriod = PendingRetryPeriod);
            ScriptedRiskScorer.Decorate(host.Services);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddFinSharedMemoryResources(); // two silos: grain state in the memory provider's storage grains, which both reach
            silo.Services.AddKeyedSingleton<IGrainStorage>(
                FinNames.Storage, (sp, _) => new FaultyGrainStorage(MemoryGrainStorageFactory.Create(sp, FinNames.Storage)));
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = WealthOptions.MinimumRebalancePeriod);
            silo.AddFinStreams();
            silo.AddIncomingGrainCallFilter(FaultInjection.Filter);
            silo.AddIncomingGrainCallFilter(CallFaults.Filter);
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(FinNames.StreamProvider));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        foreach (var silo in Cluster.Silos)
        {
            silo.ServiceProvider.GetRequiredService<BusinessClock>().Follow(ClockShift);
        }
    }

    /// <summary>A grain's state as last written to the cluster's grain storage (null when never written).</summary>
    public async Task<T?> StoredStateAsync<T>(string stateName, GrainId grainId) where T : class
    {
        var storage = Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(FinNames.Storage);
        var state = new GrainState<T>();
        await storage.ReadStateAsync(stateName, grainId, state);
        return state.RecordExists ? state.State : null;
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
