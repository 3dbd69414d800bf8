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
/// and each payment's movement) a stream directory, a stream object, a producer, and the service and component tables
/// that resolving them made: about 1.3 KB of live objects an active customer (BENCHMARKS.md), kept until the activation
/// left. The producer Orleans makes does nothing but what <see cref="Publish"/> does: it
/// hands the event and the request context to the provider's queue adapter. Subscribers see the same events in the same
/// order; the pulling agents deliver them as before. The adapter is made once per silo (the memory provider's is the
/// factory itself, the instance the provider uses).
/// </remarks>
public sealed class ActivityPublisher(IServiceProvider services, DeepCopier copier)
{
    private Task<IQueueAdapter>? adapter;

    public async Task Publish(CustomerActivity activity)
    {
        var queue = await Adapter();
        if (queue.Direction == StreamProviderDirection.ReadOnly)
        {
            throw new InvalidOperationException($"Stream provider {queue.Name} is read-only.");
        }

        await queue.QueueMessageAsync(
            StreamId.Create(FinNames.CustomerActivityNamespace, activity.CustomerId), activity, null,
            RequestContextExtensions.Export(copier));
    }

    /// <summary>The provider's adapter, made on first use; one that failed to be made is made again on the next.</summary>
    private Task<IQueueAdapter> Adapter()
    {
        var made = adapter;
        if (made is null || made.IsFaulted || made.IsCanceled)
        {
            adapter = made = services.GetRequiredKeyedService<IQueueAdapterFactory>(FinNames.StreamProvider).CreateAdapter(CancellationToken.None);
        }

        return made;
    }
}
