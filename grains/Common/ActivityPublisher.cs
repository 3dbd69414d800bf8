using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.Payments;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;

namespace Orleans.Fin.Common;

/// <summary>
/// Publishes events on customers' activity streams, straight to the stream provider's queue.
/// </summary>
/// <remarks>
/// Going through <c>GetStream(...).OnNextAsync</c> from a grain gave every publishing activation (each active customer
/// and each payment's movement) a stream directory, a stream object and a producer: about 870 bytes an activation that
/// the activation kept until it left. The producer Orleans makes does nothing but what <see cref="Publish"/> does: it
/// hands the event and the request context to the provider's queue adapter. Subscribers see the same events in the same
/// order; the pulling agents deliver them as before. The adapter is made once per silo.
/// </remarks>
public sealed class ActivityPublisher(IServiceProvider services, DeepCopier copier)
{
    private Task<IQueueAdapter>? adapter;

    public async Task Publish(CustomerActivity activity)
    {
        var queue = await Adapter();
        await queue.QueueMessageAsync(
            StreamId.Create(FinNames.CustomerActivityNamespace, activity.CustomerId), activity, null,
            RequestContextExtensions.Export(copier));
    }

    private Task<IQueueAdapter> Adapter() =>
        adapter ??= services.GetRequiredKeyedService<IQueueAdapterFactory>(FinNames.StreamProvider).CreateAdapter(CancellationToken.None);
}
