using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Fin.Common;
using Orleans.Fin.Silo.Hosting;

namespace Orleans.Fin.ClusterTests;

[Collection(ClusterCollection.Name)]
public sealed class ActivityStreamRetentionTests(ClusterFixture fixture)
{
    [Fact]
    public void EverySilo_RunsTheActivityStreamWithItsRetention()
    {
        foreach (var silo in fixture.Cluster.Silos)
        {
            var eviction = silo.ServiceProvider.GetRequiredService<IOptionsMonitor<StreamCacheEvictionOptions>>().Get(FinNames.StreamProvider);
            var agent = silo.ServiceProvider.GetRequiredService<IOptionsMonitor<StreamPullingAgentOptions>>().Get(FinNames.StreamProvider);

            Assert.Equal(ActivityStreamRetention.MinimumTimeInCache, eviction.DataMinTimeInCache);
            Assert.Equal(ActivityStreamRetention.MaximumAgeInCache, eviction.DataMaxAgeInCache);
            Assert.Equal(ActivityStreamRetention.ConsumerIdleLimit, agent.StreamInactivityPeriod);
            Assert.Equal(TimeSpan.FromMilliseconds(10), agent.GetQueueMsgsTimerPeriod);
            Assert.True(ActivityStreamRetention.KeepsUndeliveredEvents(agent.MaxEventDeliveryTime, eviction.DataMinTimeInCache,
                eviction.DataMaxAgeInCache, agent.StreamInactivityPeriod));
        }
    }

    [Theory]
    [InlineData(1, 1, 2, 3, false)] // purged while its delivery may still be retried
    [InlineData(1, 2, 1, 3, false)] // purged by age before its minimum time
    [InlineData(1, 2, 2, 2, false)] // consumer dropped while its events are still cached
    [InlineData(1, 2, 2, 3, true)]
    public void KeepsUndeliveredEvents_NeedsEachLimitAboveTheOneBefore(int delivery, int minimum, int maximum, int idle, bool keeps) =>
        Assert.Equal(keeps, ActivityStreamRetention.KeepsUndeliveredEvents(TimeSpan.FromMinutes(delivery), TimeSpan.FromMinutes(minimum),
            TimeSpan.FromMinutes(maximum), TimeSpan.FromMinutes(idle)));
}
