using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Orleans.Fin.Silo.Storage;

public static class InProcessStorageExtensions
{
    /// <summary>
    /// Adds a named grain storage that keeps states in this process (see <see cref="InProcessGrainStorage"/>): only for a
    /// silo that is the whole cluster.
    /// </summary>
    public static ISiloBuilder AddInProcessGrainStorage(this ISiloBuilder silo, string name, IGrainStorageSerializer serializer, bool deleteOnClear = false)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddGrainStorage(name, (services, key) => Create(services, key, serializer, deleteOnClear));
        return silo;
    }

    /// <summary>A new, empty in-process storage named <paramref name="name"/>, e.g. for a wrapper that counts or injects faults.</summary>
    public static InProcessGrainStorage Create(IServiceProvider services, string name, IGrainStorageSerializer serializer, bool deleteOnClear = false) =>
        new(name, serializer, services.GetRequiredService<IActivatorProvider>(), deleteOnClear);
}
