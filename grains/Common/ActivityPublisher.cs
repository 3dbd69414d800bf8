using Orleans.Fin.Payments;
using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Fin.Common;

/// <summary>Publishes events on customers' activity streams.</summary>
internal static class ActivityPublisher
{
    public static Task Publish(Grain grain, CustomerActivity activity)
    {
        var stream = grain.GetStreamProvider(FinNames.StreamProvider)
            .GetStream<CustomerActivity>(StreamId.Create(FinNames.CustomerActivityNamespace, activity.CustomerId));
        return stream.OnNextAsync(activity);
    }
}
